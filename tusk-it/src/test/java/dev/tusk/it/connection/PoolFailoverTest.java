package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.ReadOnlySqlTransaction;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.Pool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.ScratchServer;
import dev.tusk.testing.ScratchServer.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A pool through a failover on real servers, where the old primary stays up but read-only (fenced
 * with {@code default_transaction_read_only}) and a standby is promoted: the pool discards the
 * connections whose server no longer qualifies for the connection string's {@code
 * target_session_attrs}, counts them as {@code connections_rerouted}, and its new connections walk
 * the hosts again and land on the right server within a bounded time.
 */
@Tag("versions")
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class PoolFailoverTest {

  /** How long the pool may take to reach the new primary after the failover. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  private final List<ScratchServer> servers = new ArrayList<>();

  @BeforeEach
  void needsBinaries() {
    assumeTrue(PostgresServer.get().embedded(), "needs the embedded server's binaries");
  }

  @AfterEach
  void stopServers() {
    servers.forEach(ScratchServer::close);
  }

  /**
   * With a check hook, whose round trip brings the server's news, no loan of a read-write pool ever
   * gets a read-only session: the fenced primary's connections are discarded before hand-out.
   */
  @Test
  void aReadWritePoolNeverLendsAReadOnlySessionAndReachesThePromotedStandby() {
    ScratchServer primary = start(Role.PRIMARY);
    ScratchServer standby = start(Role.STANDBY);
    try (ConnectionPool pool =
        ready(
            options(3).check(Pool::checkConnection),
            "read-write",
            primary.port(),
            standby.port())) {
      assertEquals(List.of(primary.port()), portsOfHeldConnections(pool, 3));

      fence(primary);
      standby.promote();
      loansUntilOn(pool, standby.port(), "off");
      assertEquals(List.of(standby.port()), portsOfHeldConnections(pool, 3));
      pool.withConnection(conn -> conn.execute("CREATE TABLE written_after_failover (id int)"));
      assertEquals(3L, pool.stats().get("connections_rerouted"));
      assertEquals(0L, pool.stats().get("connections_lost"));
    }
  }

  /**
   * Without a check hook, a borrower's write on the fenced primary is refused (25006); the response
   * carries the server's news, so the connection is discarded when it comes back, and the next
   * loans, one-shot statements too, go to the new primary.
   */
  @Test
  void aWriteRefusedAsReadOnlyDuringALoanDiscardsTheConnection() {
    ScratchServer primary = start(Role.PRIMARY);
    ScratchServer standby = start(Role.STANDBY);
    try (ConnectionPool pool = ready(options(1), "read-write", primary.port(), standby.port())) {
      fence(primary);
      standby.promote();

      try (Connection conn = pool.connection()) {
        assertEquals(primary.port(), conn.info().port());
        assertTrue(conn.info().qualifies(), "nothing was sent since the failover");
        assertThrows(
            ReadOnlySqlTransaction.class, () -> conn.execute("CREATE TABLE refused (id int)"));
        assertFalse(conn.info().qualifies());
        assertEquals("read-write", conn.info().targetSessionAttrs());
      }
      assertEquals(1L, pool.stats().get("connections_rerouted"));
      try (Connection conn = pool.connection()) {
        assertEquals(standby.port(), conn.info().port());
        conn.execute("CREATE TABLE written (id int)");
      }
      assertEquals("off", pool.execute("SHOW transaction_read_only").fetchOne().getString(0));
      assertEquals(1L, pool.stats().get("connections_rerouted"));
    }
  }

  /**
   * A read-only pool against standbys ({@code target_session_attrs=standby}): when its standby is
   * promoted, it moves to the other standby, and never lends a session out of recovery.
   */
  @Test
  void aStandbyPoolMovesToAnotherStandbyWhenItsOwnIsPromoted() {
    ScratchServer primary = start(Role.PRIMARY);
    ScratchServer first = start(Role.STANDBY);
    ScratchServer second = start(Role.STANDBY);
    try (ConnectionPool pool =
        ready(
            options(2).check(Pool::checkConnection),
            "standby",
            primary.port(),
            first.port(),
            second.port())) {
      assertEquals(List.of(first.port()), portsOfHeldConnections(pool, 2));

      first.promote();
      loansUntilOn(pool, second.port(), "on");
      assertEquals(List.of(second.port()), portsOfHeldConnections(pool, 2));
      assertEquals(2L, pool.stats().get("connections_rerouted"));
    }
  }

  /**
   * {@code prefer-standby}: the standby's connection is given up when it is promoted; the new one
   * falls back to the first host, and a fallback connection is kept, whatever its server is.
   */
  @Test
  void aPreferStandbyPoolFallsBackAndKeepsItsFallback() {
    ScratchServer primary = start(Role.PRIMARY);
    ScratchServer standby = start(Role.STANDBY);
    try (ConnectionPool pool =
        ready(options(1), "prefer-standby", primary.port(), standby.port())) {
      standby.promote();
      try (Connection conn = pool.connection()) {
        assertEquals(standby.port(), conn.info().port());
        conn.execute("SELECT 1"); // its response reports in_hot_standby=off
      }
      assertEquals(1L, pool.stats().get("connections_rerouted"));
      for (int i = 0; i < 3; i++) {
        try (Connection conn = pool.connection()) {
          assertEquals(primary.port(), conn.info().port());
          conn.execute("SELECT 1");
        }
      }
      assertEquals(1L, pool.stats().get("connections_rerouted"));
    }
  }

  private ScratchServer start(Role role) {
    ScratchServer server = ScratchServer.start(role);
    servers.add(server);
    return server;
  }

  /** A pool over {@code ports} with {@code target_session_attrs=target}, its connections open. */
  private static ConnectionPool ready(PoolOptions.Builder options, String target, int... ports) {
    ConnectionPool pool = new ConnectionPool(MultiHostTest.base(target, ports), options.build());
    pool.waitReady(BOUND);
    return pool;
  }

  private static PoolOptions.Builder options(int size) {
    return PoolOptions.builder()
        .size(size, size)
        .timeout(BOUND)
        .reconnectDelay(Duration.ofMillis(100));
  }

  /**
   * Makes a primary read-only for every session, as a failover fences the old primary, and waits
   * until the postmaster has reloaded: it signals every backend before it starts a new one, so the
   * pool's sessions have the news by then.
   */
  private static void fence(ScratchServer primary) {
    try (Connection conn = Tusk.connect(primary.conninfo())) {
      conn.execute("ALTER SYSTEM SET default_transaction_read_only = on");
      conn.execute("SELECT pg_reload_conf()");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try (Connection conn = Tusk.connect(primary.conninfo())) {
        if (conn.execute("SHOW default_transaction_read_only")
            .fetchOne()
            .getString(0)
            .equals("on")) {
          return;
        }
      }
      assertTrue(System.nanoTime() < deadline, "the primary did not reload its configuration");
    }
  }

  /**
   * Takes loans until one lands on the server at {@code port}, which must happen within {@link
   * #BOUND}, checking that each lent session has {@code transaction_read_only} as the pool's target
   * demands.
   */
  private static void loansUntilOn(ConnectionPool pool, int port, String readOnly) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    for (int loans = 1; ; loans++) {
      assertTrue(System.nanoTime() < deadline, loans + " loans in " + BOUND + ", none on " + port);
      try (Connection conn = pool.connection()) {
        assertEquals(
            readOnly,
            conn.execute("SHOW transaction_read_only").fetchOne().getString(0),
            "loan " + loans + " got a session of the wrong kind at port " + conn.info().port());
        if (conn.info().port() == port) {
          return;
        }
      }
    }
  }

  /** The distinct ports of {@code count} connections held at once. */
  private static List<Integer> portsOfHeldConnections(ConnectionPool pool, int count) {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Connection conn = pool.connection();
        held.add(conn);
        conn.execute("SELECT 1");
      }
      return held.stream().map(conn -> conn.info().port()).distinct().toList();
    } finally {
      held.forEach(Connection::close);
    }
  }
}
