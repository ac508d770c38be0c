package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidPassword;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.ScratchServer;
import dev.tusk.testing.ScratchServer.Role;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Host lists against real servers: the shared server (a primary), a read-only primary and a hot
 * standby of this class's own. Each {@code target_session_attrs} value picks its server whatever
 * the order, unreachable hosts are passed over, and when every host fails one error names them all.
 */
@Tag("versions")
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class MultiHostTest {

  private static ScratchServer readOnly;
  private static ScratchServer standby;

  @BeforeAll
  static void startServers() {
    assumeTrue(PostgresServer.get().embedded(), "needs the embedded server's binaries");
    readOnly = ScratchServer.start(Role.READ_ONLY);
    standby = ScratchServer.start(Role.STANDBY);
  }

  @AfterAll
  static void stopServers() {
    if (readOnly != null) {
      readOnly.close();
    }
    if (standby != null) {
      standby.close();
    }
  }

  @Test
  void readWritePassesOverReadOnlyAndStandbyServers(PostgresServer server) {
    assertEquals(
        server.port(),
        portChosen(server, "read-write", readOnly.port(), standby.port(), server.port()));
  }

  @Test
  void readOnlyTakesTheFirstReadOnlyServer(PostgresServer server) {
    assertEquals(readOnly.port(), portChosen(server, "read-only", server.port(), readOnly.port()));
    assertEquals(standby.port(), portChosen(server, "read-only", server.port(), standby.port()));
  }

  @Test
  void primaryIsAnyServerNotInRecoveryEvenAReadOnlyOne(PostgresServer server) {
    assertEquals(readOnly.port(), portChosen(server, "primary", standby.port(), readOnly.port()));
  }

  @Test
  void standbyTakesOnlyAServerInRecovery(PostgresServer server) {
    assertEquals(
        standby.port(),
        portChosen(server, "standby", server.port(), readOnly.port(), standby.port()));
  }

  @Test
  void preferStandbyTakesAStandbyAfterPrimaries(PostgresServer server) {
    assertEquals(
        standby.port(), portChosen(server, "prefer-standby", server.port(), standby.port()));
  }

  /** libpq's second pass: without a standby, the first server that accepts the session. */
  @Test
  void preferStandbyFallsBackToTheFirstHostWithoutAStandby(PostgresServer server)
      throws IOException {
    int closed = ConnectTest.closedPort();
    assertEquals(
        readOnly.port(),
        portChosen(server, "prefer-standby", closed, readOnly.port(), server.port()));
  }

  @Test
  void anyTakesTheFirstHost(PostgresServer server) {
    assertEquals(standby.port(), portChosen(server, "any", standby.port(), server.port()));
  }

  @Test
  void uriHostListsRouteToo(PostgresServer server) {
    String uri =
        "postgresql://postgres@127.0.0.1:"
            + readOnly.port()
            + ",127.0.0.1:"
            + server.port()
            + "/postgres?target_session_attrs=read-write&connect_timeout=10";
    try (Connection conn = Tusk.connect(uri)) {
      assertEquals(server.port(), conn.info().port());
      assertEquals("off", conn.execute("SHOW transaction_read_only").fetchOne().getString(0));
    }
  }

  @Test
  void aRefusedHostIsPassedOver(PostgresServer server) throws IOException {
    int closed = ConnectTest.closedPort();
    assertEquals(server.port(), portChosen(server, "read-write", closed, server.port()));
  }

  /**
   * A host that accepts TCP and then says nothing costs connect_timeout, then the next is tried.
   */
  @Test
  void aBlackHoledHostCostsConnectTimeoutThenTheNextIsTried(PostgresServer server) {
    try (FaultProxy hole = FaultProxy.start(server.host(), server.port())) {
      hole.blackHole();
      long start = System.nanoTime();
      String conninfo =
          base("any", hole.port(), readOnly.port()).replace("connect_timeout=10", "")
              + " connect_timeout=1";
      try (Connection conn = Tusk.connect(conninfo)) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(readOnly.port(), conn.info().port());
        assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "did not wait: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
      }
    }
  }

  /** Every host failed: one 08001 error with a line per host, each failure also kept. */
  @Test
  void whenEveryHostFailsOneErrorListsEachReason(PostgresServer server) throws IOException {
    int closed = ConnectTest.closedPort();
    String conninfo = base("read-write", closed, readOnly.port(), standby.port());
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(SqlclientUnableToEstablishSqlconnection.class, () -> Tusk.connect(conninfo));
    String message = error.diagnostic().messagePrimary();
    assertTrue(
        message.startsWith(
            "could not connect to any of the servers in the connection string with"
                + " target_session_attrs=read-write:"),
        message);
    assertTrue(message.contains("127.0.0.1:" + closed), message);
    assertTrue(
        message.contains("server at 127.0.0.1:" + readOnly.port() + " does not qualify: session"),
        message);
    assertTrue(
        message.contains(
            "server at 127.0.0.1:"
                + standby.port()
                + " does not qualify: session is read-only (target_session_attrs=read-write)"),
        message);
    assertEquals(3, error.getSuppressed().length);
    assertEquals(4, message.lines().count(), message);
  }

  /**
   * As in libpq, a server that refuses the login ends the attempt: the hosts after it are not
   * tried, and the error is the server's own. The password never shows.
   */
  @Test
  void aFailedLoginEndsTheAttempt(PostgresServer server) throws IOException {
    assumeTrue(server.enforcesPasswords());
    int closed = ConnectTest.closedPort();
    String conninfo =
        "host=127.0.0.1,127.0.0.1,127.0.0.1 port="
            + closed
            + ","
            + server.port()
            + ","
            + readOnly.port()
            + " dbname=postgres connect_timeout=10 user="
            + TestRole.SCRAM.user()
            + " password=wrong-secret-42";
    InvalidPassword error = assertThrows(InvalidPassword.class, () -> Tusk.connect(conninfo));
    assertFalse(error.getMessage().contains("wrong-secret-42"), error.getMessage());
    assertEquals(1, error.getSuppressed().length, "the refused host's failure is kept");
    assertTrue(
        error.getSuppressed()[0].getMessage().contains(Integer.toString(closed)),
        error.getSuppressed()[0].getMessage());
  }

  /** Hosts and ports in random order: over many connections, both hosts are chosen. */
  @Test
  void loadBalanceHostsRandomSpreadsConnections(PostgresServer server) {
    Set<Integer> ports = new HashSet<>();
    String conninfo = base("any", readOnly.port(), server.port()) + " load_balance_hosts=random";
    for (int i = 0; i < 40 && ports.size() < 2; i++) {
      try (Connection conn = Tusk.connect(conninfo)) {
        ports.add(conn.info().port());
      }
    }
    assertEquals(Set.of(readOnly.port(), server.port()), ports);
    try (Connection conn = Tusk.connect(base("any", readOnly.port(), server.port()))) {
      assertEquals(readOnly.port(), conn.info().port(), "without it, the first host");
    }
  }

  /** The pool connects with the same conninfo, so its connections go where it says. */
  @Test
  void aPoolRoutesItsConnections(PostgresServer server) {
    String conninfo = base("read-write", standby.port(), readOnly.port(), server.port());
    try (ConnectionPool pool =
        new ConnectionPool(conninfo, PoolOptions.builder().size(2, 2).build())) {
      for (int i = 0; i < 3; i++) {
        try (Connection conn = pool.connection()) {
          assertEquals(server.port(), conn.info().port());
        }
      }
      assertEquals("off", pool.execute("SHOW transaction_read_only").fetchOne().getString(0));
    }
  }

  private static int portChosen(PostgresServer server, String target, int... ports) {
    try (Connection conn = Tusk.connect(base(target, ports))) {
      return conn.info().port();
    }
  }

  /** The superuser at 127.0.0.1 on each of {@code ports}, with {@code target_session_attrs}. */
  static String base(String target, int... ports) {
    StringBuilder hosts = new StringBuilder();
    StringBuilder portList = new StringBuilder();
    for (int port : ports) {
      hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1");
      portList.append(portList.isEmpty() ? "" : ",").append(port);
    }
    return "host="
        + hosts
        + " port="
        + portList
        + " user=postgres dbname=postgres connect_timeout=10 target_session_attrs="
        + target;
  }
}
