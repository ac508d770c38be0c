package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.ConnectionOptions;
import dev.tusk.PasswordRequest;
import dev.tusk.PasswordSupplier;
import dev.tusk.StatementOutcome;
import dev.tusk.TracedStatement;
import dev.tusk.Tracer;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.InvalidPassword;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.pool.PoolTimeout;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.Literal;
import dev.tusk.sql.SQL;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link PasswordSupplier} against the real server, whose pg_hba.conf sends {@code tusk_scram} to
 * scram-sha-256, {@code tusk_md5} to md5 and {@code tusk_trust} to trust. A role's password is
 * rotated with ALTER ROLE (and put back after): a supplier reading the current secret connects
 * before and after, a fixed old password no longer does, a pool keeps serving once its old
 * connections are retired, and open sessions are not affected. A failing supplier gives a typed
 * error naming its failure; trust never asks it; no password reaches a tracer.
 */
@TuskTest
class PasswordSupplierTest {

  private static final String NO_PASSFILE = "/nonexistent/tusk-no-passfile";

  /** {@code system_user} (PostgreSQL 16+) names the pg_hba method that authenticated. */
  private static final int SYSTEM_USER_VERSION = 160000;

  /** The secret the supplier hands out, as a vault or token cache would hold it. */
  private final AtomicReference<String> currentSecret = new AtomicReference<>();

  private final List<PasswordRequest> requests = new CopyOnWriteArrayList<>();

  private final PasswordSupplier supplier =
      request -> {
        requests.add(request);
        return currentSecret.get();
      };

  @BeforeAll
  static void noPasswordFromTheEnvironment() {
    assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD would hide a missing password");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5"})
  void aRotatedPasswordReachesNewConnectionsAndTheOldOneStopsWorking(
      TestRole role, PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    try (Rotation rotation = new Rotation(server, role)) {
      currentSecret.set(role.password());
      ConnectionOptions options = roleOptions(server, role).passwordSupplier(supplier);
      try (Connection before = options.connect()) {
        assertLoggedInWithMethod(before, role, server);
        String rotated = rotation.rotate();
        currentSecret.set(rotated);
        try (Connection after = options.connect()) {
          assertLoggedInWithMethod(after, role, server);
          assertFalse(after.toString().contains(rotated), after.toString());
          assertFalse(after.info().toString().contains(rotated), after.info().toString());
        }
        InvalidPassword stale =
            assertThrows(
                InvalidPassword.class,
                () -> roleOptions(server, role).password(role.password()).connect().close());
        assertEquals("28P01", stale.sqlState());
        assertFalse(stale.getMessage().contains(role.password()), stale.getMessage());
        // PostgreSQL checks a password at login only: the session opened before goes on.
        assertEquals(1, before.execute("SELECT 1").fetchOne().getInt(0));
      }
      PasswordRequest expected =
          new PasswordRequest(server.host(), server.port(), server.database(), role.user());
      assertEquals(List.of(expected, expected), requests);
    }
  }

  @Test
  void aPoolKeepsServingAfterRotationOnceItsOldConnectionsAreRetired(PostgresServer server)
      throws InterruptedException {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    TestRole role = TestRole.SCRAM;
    try (Rotation rotation = new Rotation(server, role)) {
      currentSecret.set(role.password());
      PoolOptions options =
          PoolOptions.builder()
              .name("it-rotation")
              .size(1, 2)
              .timeout(Duration.ofSeconds(10))
              // Short-lived connections, so that the test sees old ones retired within a second.
              .maxLifetime(Duration.ofMillis(400))
              .build();
      ConnectionOptions connector = roleOptions(server, role).passwordSupplier(supplier);
      try (ConnectionPool pool = new ConnectionPool(connector::connect, options)) {
        Set<Integer> opened = new HashSet<>();
        try (Connection conn = pool.connection()) {
          opened.add(conn.info().backendPid());
        }
        String rotated = rotation.rotate();
        currentSecret.set(rotated);
        int askedBefore = requests.size();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int fresh = 0;
        while (fresh < 3 && System.nanoTime() < deadline) {
          try (Connection conn = pool.connection()) {
            assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
            if (opened.add(conn.info().backendPid())) {
              fresh++;
            }
          }
          Thread.sleep(50);
        }
        assertEquals(3, fresh, "new connections opened after the rotation");
        assertTrue(requests.size() > askedBefore, "the supplier was asked after the rotation");
      }
      // Without the supplier, a pool with the old password cannot open a connection any more.
      PoolOptions quick =
          PoolOptions.builder().name("it-stale").timeout(Duration.ofSeconds(1)).build();
      ConnectionOptions stale = roleOptions(server, role).password(role.password());
      try (ConnectionPool pool = new ConnectionPool(stale::connect, quick)) {
        PoolTimeout timeout = assertThrows(PoolTimeout.class, pool::connection);
        assertInstanceOf(InvalidPassword.class, timeout.getCause());
      }
    }
  }

  @Test
  void aPoolsAcquireErrorSaysWhyTheSupplierFailed(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    PasswordSupplier sealed =
        request -> {
          throw new IllegalStateException("the vault is sealed");
        };
    ConnectionOptions connector = roleOptions(server, TestRole.SCRAM).passwordSupplier(sealed);
    PoolOptions options =
        PoolOptions.builder().name("it-sealed").size(1, 1).timeout(Duration.ofSeconds(2)).build();
    try (ConnectionPool pool = new ConnectionPool(connector::connect, options)) {
      PoolTimeout timeout = assertThrows(PoolTimeout.class, pool::connection);
      assertTrue(
          timeout.getMessage().contains("the last connection attempt failed: "),
          timeout.getMessage());
      assertTrue(
          timeout.getMessage().contains("the password supplier for user \"tusk_scram\" at "),
          timeout.getMessage());
      assertTrue(
          timeout.getMessage().contains("IllegalStateException: the vault is sealed"),
          timeout.getMessage());
      assertInstanceOf(InvalidAuthorizationSpecification.class, timeout.getCause());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5", "PASSWORD"})
  void aThrowingSupplierGivesATypedErrorWithItsCause(TestRole role, PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    IllegalStateException cause = new IllegalStateException("token endpoint returned 503");
    ConnectionOptions options =
        roleOptions(server, role)
            .passwordSupplier(
                request -> {
                  throw cause;
                });
    InvalidAuthorizationSpecification error =
        assertThrows(InvalidAuthorizationSpecification.class, options::connect);
    assertEquals("28000", error.sqlState());
    assertSame(cause, error.getCause());
    // The host as written, then the address connected to when it differs.
    String message = error.diagnostic().messagePrimary();
    assertTrue(
        message.startsWith(
            "the password supplier for user \""
                + role.user()
                + "\" at "
                + server.host()
                + ":"
                + server.port()),
        message);
    assertTrue(
        message.endsWith(" failed: java.lang.IllegalStateException: token endpoint returned 503"),
        message);
    assertFalse(error.getMessage().contains(role.password()), error.getMessage());

    currentSecret.set(null);
    InvalidAuthorizationSpecification none =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> roleOptions(server, role).passwordSupplier(supplier).connect().close());
    assertTrue(none.getMessage().contains("returned null"), none.getMessage());
  }

  @Test
  void trustNeverAsksTheSupplier(PostgresServer server) {
    try (Connection conn =
        roleOptions(server, TestRole.TRUST).passwordSupplier(supplier).connect()) {
      assertEquals(TestRole.TRUST.user(), conn.execute("SELECT current_user").fetchOne().get(0));
    }
    assertEquals(List.of(), requests);
  }

  /**
   * Each host of a list that asks for a password asks the supplier, with its own name: here both
   * are the same primary, refused after logging in by target_session_attrs=standby.
   */
  @Test
  void eachHostOfAListAsksTheSupplierWithItsName(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    currentSecret.set(TestRole.SCRAM.password());
    ConnectionOptions options =
        roleOptions(server, TestRole.SCRAM)
            .host("127.0.0.1,localhost")
            .set("port", server.port() + "," + server.port())
            .set("target_session_attrs", "standby")
            .passwordSupplier(supplier);
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(SqlclientUnableToEstablishSqlconnection.class, options::connect);
    assertTrue(error.getMessage().contains("does not qualify"), error.getMessage());
    assertEquals(List.of("127.0.0.1", "localhost"), requests.stream().map(r -> r.host()).toList());
  }

  /**
   * A supplier failure ends a host walk like any authentication failure (as in libpq, the next
   * hosts are not tried), and carries the failures of the hosts before it.
   */
  @Test
  void aFailureOnTheSecondHostCarriesTheFirstHostsFailure(PostgresServer server)
      throws IOException {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ConnectionOptions options =
        roleOptions(server, TestRole.SCRAM)
            .host("127.0.0.1,127.0.0.1")
            .set("port", closedPort + "," + server.port())
            .passwordSupplier(
                request -> {
                  requests.add(request);
                  throw new IllegalStateException("no token for port " + request.port());
                });
    InvalidAuthorizationSpecification error =
        assertThrows(InvalidAuthorizationSpecification.class, options::connect);
    assertTrue(
        error.getMessage().contains("no token for port " + server.port()), error.getMessage());
    assertEquals(1, error.getSuppressed().length);
    assertTrue(
        error.getSuppressed()[0].getMessage().contains("127.0.0.1:" + closedPort),
        error.getSuppressed()[0].getMessage());
    assertEquals(List.of(server.port()), requests.stream().map(r -> r.port()).toList());
  }

  @Test
  void asyncConnectingAsksTheSupplierToo(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    currentSecret.set(TestRole.MD5.password());
    AsyncConnection conn =
        roleOptions(server, TestRole.MD5).passwordSupplier(supplier).connectAsync().join();
    try {
      assertEquals(1, requests.size());
    } finally {
      conn.close();
    }
  }

  /** What a tracer hears (statements, server, user, outcome) never holds the supplied password. */
  @Test
  void noSuppliedPasswordReachesATracer(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    currentSecret.set(TestRole.SCRAM.password());
    List<String> heard = new CopyOnWriteArrayList<>();
    Tracer<Void> recorder =
        new Tracer<>() {
          @Override
          public Void start(TracedStatement statement) {
            heard.add(statement.toString());
            return null;
          }

          @Override
          public void end(Void state, TracedStatement statement, StatementOutcome outcome) {
            heard.add(statement + " " + outcome);
          }

          @Override
          public boolean includesParameters() {
            return true;
          }
        };
    try (Connection conn =
        roleOptions(server, TestRole.SCRAM).passwordSupplier(supplier).tracer(recorder).connect()) {
      conn.execute("SELECT current_user, $1::int", 7).fetchAll();
    }
    assertFalse(heard.isEmpty());
    heard.forEach(text -> assertFalse(text.contains(TestRole.SCRAM.password()), text));
  }

  private static ConnectionOptions roleOptions(PostgresServer server, TestRole role) {
    return server.options(role).set("passfile", NO_PASSFILE);
  }

  private static void assertLoggedInWithMethod(
      Connection conn, TestRole role, PostgresServer server) {
    assertEquals(role.user(), conn.execute("SELECT current_user").fetchOne().get(0));
    if (server.serverVersionNum() >= SYSTEM_USER_VERSION) {
      assertEquals(
          role.method() + ":" + role.user(), conn.execute("SELECT system_user").fetchOne().get(0));
    }
  }

  /**
   * A test role's password changed as an operator rotates a credential, with the hash kind the
   * role's pg_hba method needs, and put back on close so that other tests find it as documented.
   */
  private static final class Rotation implements AutoCloseable {
    private final PostgresServer server;
    private final TestRole role;

    Rotation(PostgresServer server, TestRole role) {
      this.server = server;
      this.role = role;
    }

    /** Sets a new random password and returns it. */
    String rotate() {
      String password = "rotated-" + UUID.randomUUID();
      set(password);
      return password;
    }

    @Override
    public void close() {
      set(role.password());
    }

    private void set(String password) {
      try (Connection superuser = Tusk.connect(server.conninfo())) {
        String encryption = role == TestRole.MD5 ? "md5" : "scram-sha-256";
        superuser.execute(SQL.of("SET password_encryption = {}").format(Literal.of(encryption)));
        superuser.execute(
            SQL.of("ALTER ROLE {} PASSWORD {}")
                .format(Identifier.of(role.user()), Literal.of(password)));
      } catch (TuskException e) {
        throw new AssertionError("could not set the password of " + role.user(), e);
      }
    }
  }
}
