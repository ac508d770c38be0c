package dev.tusk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The peers' versions, as the build resolved them (from {@code bench-versions.properties}). */
public final class Versions {

  private static final Properties VERSIONS = load();

  private Versions() {}

  /** pgjdbc's version. */
  public static String pgjdbc() {
    return VERSIONS.getProperty("pgjdbc");
  }

  /** HikariCP's version. */
  public static String hikaricp() {
    return VERSIONS.getProperty("hikaricp");
  }

  /** vertx-pg-client's version. */
  public static String vertx() {
    return VERSIONS.getProperty("vertx");
  }

  /** JMH's version. */
  public static String jmh() {
    return VERSIONS.getProperty("jmh");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/bench-versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("bench-versions.properties is not on the class path");
      }
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
