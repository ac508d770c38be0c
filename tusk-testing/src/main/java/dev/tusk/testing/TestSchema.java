package dev.tusk.testing;

import java.util.Locale;

/**
 * The schema {@link TuskExtension} made for one test class, named {@code
 * tusk_<class-simple-name>_<random>}: created before the class's first test, dropped with
 * everything in it after its last. Every role may use it. Connections from its {@link #conninfo()}
 * have it as their {@code search_path}, so unqualified tables of different test classes never meet.
 */
public final class TestSchema {

  /** PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes. */
  private static final int MAX_NAME_LENGTH = 63;

  private final PostgresServer server;
  private final String name;

  TestSchema(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  /**
   * {@code tusk_<simple name, lower case, other than [a-z0-9_] as _>_<suffix>}, shortened to fit an
   * identifier.
   */
  static String nameFor(Class<?> testClass, String suffix) {
    String simple =
        testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String prefix = "tusk_";
    int room = MAX_NAME_LENGTH - prefix.length() - 1 - suffix.length();
    return prefix + simple.substring(0, Math.min(simple.length(), room)) + "_" + suffix;
  }

  /** The schema's name (a plain lower-case identifier: no quoting needed). */
  public String name() {
    return name;
  }

  /** {@link PostgresServer#conninfo()} with this schema as {@code search_path}. */
  public String conninfo() {
    return server.conninfo() + searchPath();
  }

  /** {@link PostgresServer#conninfo(TestRole)} with this schema as {@code search_path}. */
  public String conninfo(TestRole role) {
    return server.conninfo(role) + searchPath();
  }

  /** A later {@code options} keyword overrides one from {@code TUSK_TEST_URL}. */
  private String searchPath() {
    return " options='-c search_path=" + name + "'";
  }

  @Override
  public String toString() {
    return name;
  }
}
