package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.InterfaceError;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.NullConnectionPool;
import dev.tusk.pool.Pool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.pool.PoolTimeout;
import dev.tusk.pool.TooManyRequests;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * ConnectionPool against the real server: lending and returning, use after return, reset of open
 * transactions, terminated backends, lifetime and idle expiry, timeouts, hooks, stats, JMX, the
 * null pool.
 */
@TuskTest
class ConnectionPoolTest {

  private static ConnectionPool pool(PostgresServer server, PoolOptions.Builder options) {
    ConnectionPool pool = new ConnectionPool(server.conninfo(), options.build());
    pool.waitReady(Await.PATIENCE);
    return pool;
  }

  private static int pid(Connection connection) {
    return connection.info().backendPid();
  }

  @Test
  void aReturnedConnectionServesTheNextRequest(PostgresServer server) {
    try (ConnectionPool pool = pool(server, PoolOptions.builder().size(1, 1))) {
      int first;
      try (Connection conn = pool.connection()) {
        first = pid(conn);
        assertEquals(7, conn.execute("SELECT 3 + 4").fetchOne().getInt(0));
      }
      try (Connection conn = pool.connection()) {
        assertEquals(first, pid(conn));
      }
      assertEquals(
          5, (int) pool.withConnection(conn -> conn.execute("SELECT 5").fetchOne().getInt(0)));
    }
  }

  @Test
  void useAfterReturnNamesThePool(PostgresServer server) {
    try (ConnectionPool pool = pool(server, PoolOptions.builder().name("it-use").size(1, 1))) {
      Connection conn = pool.connection();
      dev.tusk.AsyncConnection async = conn.async();
      assertEquals(1, async.execute("SELECT 1").join().fetchOne().join().getInt(0));
      conn.close();
      conn.close();
      InterfaceError error = assertThrows(InterfaceError.class, () -> conn.execute("SELECT 1"));
      assertEquals("the connection was returned to pool it-use", error.getMessage());
      InterfaceError late = assertThrows(InterfaceError.class, () -> async.execute("SELECT 1"));
      assertEquals("the connection was returned to pool it-use", late.getMessage());
      assertEquals(true, async.closed());
    }
  }

  @Test
  void returningRollsBackWhatWasLeftOpen(PostgresServer server) {
    try (ConnectionPool pool = pool(server, PoolOptions.builder().size(1, 1))) {
      pool.execute("CREATE TEMP TABLE pets (name text)");
      try (Connection conn = pool.connection()) {
        conn.setAutocommit(false);
        conn.execute("INSERT INTO pets VALUES ('left open')");
      }
      try (Connection conn = pool.connection()) {
        conn.execute("BEGIN");
        conn.execute("INSERT INTO pets VALUES ('begun by SQL')");
      }
      try (Connection conn = pool.connection()) {
        assertTrue(conn.autocommit());
        assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
        assertEquals(0, conn.execute("SELECT count(*) FROM pets").fetchOne().getLong(0));
      }
      assertEquals(1, pool.stats().get("connections_num"));
    }
  }

  @Test
  void inTransactionCommitsOrRollsBack(PostgresServer server) {
    try (ConnectionPool pool = pool(server, PoolOptions.builder().size(1, 1))) {
      pool.execute("CREATE TEMP TABLE t (x int)");
      pool.inTransaction(conn -> conn.execute("INSERT INTO t VALUES (1)"));
      assertThrows(
          IllegalStateException.class,
          () ->
              pool.inTransaction(
                  conn -> {
                    conn.execute("INSERT INTO t VALUES (2)");
                    throw new IllegalStateException("undo");
                  }));
      assertEquals(1, pool.execute("SELECT count(*) FROM t").fetchOne().getLong(0));
    }
  }

  @Test
  void terminatedBackendsAreReplacedAndNeverHandedOut(PostgresServer server, Connection observer) {
    try (ConnectionPool pool = pool(server, PoolOptions.builder().size(3, 3))) {
      Set<Integer> killed = new HashSet<>();
      List<Connection> all = List.of(pool.connection(), pool.connection(), pool.connection());
      all.forEach(conn -> killed.add(pid(conn)));
      all.forEach(Connection::close);
      for (int pid : killed) {
        observer.execute("SELECT pg_terminate_backend($1)", pid);
      }
      Await.until("the pool noticed", () -> pool.stats().get("connections_lost") == 3);
      pool.waitReady(Await.PATIENCE);
      for (int i = 0; i < 6; i++) {
        try (Connection conn = pool.connection()) {
          assertFalse(killed.contains(pid(conn)), "a terminated backend was handed out");
          assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
        }
      }
    }
  }

  @Test
  void connectionsExpireAfterMaxLifetimeAndMaxIdle(PostgresServer server) {
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(1, 2)
            .maxLifetime(Duration.ofMillis(300))
            .maxIdle(Duration.ofMillis(200));
    try (ConnectionPool pool = pool(server, options)) {
      Connection a = pool.connection();
      Connection b = pool.connection();
      int first = pid(a);
      a.close();
      b.close();
      Await.until("idle connections shrank to minSize", () -> pool.stats().get("pool_size") == 1);
      Await.until("the lifetime ended", () -> pool.withConnection(conn -> pid(conn)) != first);
      assertEquals(0, pool.stats().get("connections_lost"));
    }
  }

  @Test
  void aFullPoolTimesOutAndLimitsItsQueue(PostgresServer server) throws Exception {
    PoolOptions.Builder options =
        PoolOptions.builder().name("it-full").size(1, 1).maxWaiting(1).timeout(Await.PATIENCE);
    try (ConnectionPool pool = pool(server, options)) {
      Connection held = pool.connection();
      PoolTimeout timeout =
          assertThrows(PoolTimeout.class, () -> pool.connection(Duration.ofMillis(50)));
      assertTrue(timeout.getMessage().contains("it-full"), timeout.getMessage());
      Thread waiter = Thread.ofVirtual().start(() -> pool.connection().close());
      Await.until("one waiter", () -> pool.stats().get("requests_waiting") == 1);
      assertThrows(TooManyRequests.class, pool::connection);
      held.close();
      waiter.join(Await.PATIENCE);
      assertEquals(2, pool.stats().get("requests_errors"));
    }
  }

  @Test
  void hooksConfigureAndCheckConnections(PostgresServer server) {
    AtomicInteger checks = new AtomicInteger();
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(1, 1)
            .configure(conn -> conn.execute("SET application_name = 'pooled'"))
            .check(
                conn -> {
                  checks.incrementAndGet();
                  Pool.checkConnection(conn);
                });
    try (ConnectionPool pool = pool(server, options)) {
      String name =
          pool.withConnection(
              conn -> conn.execute("SHOW application_name").fetchOne().getString(0));
      assertEquals("pooled", name);
      assertEquals(1, checks.get());
    }
  }

  @Test
  void statsAndTheMBeanReportThePool(PostgresServer server) throws Exception {
    ObjectName bean = new ObjectName("dev.tusk:type=ConnectionPool,name=it-stats");
    var beans = ManagementFactory.getPlatformMBeanServer();
    ConnectionPool pool = pool(server, PoolOptions.builder().name("it-stats").size(2, 2));
    try (Connection conn = pool.connection()) {
      conn.execute("SELECT pg_sleep(0.05)");
      assertEquals(1, pool.stats().get("pool_available"));
    }
    var stats = pool.popStats();
    assertEquals(2, stats.get("pool_size"));
    assertEquals(1, stats.get("requests_num"));
    assertTrue(stats.get("usage_ms") >= 50, stats::toString);
    assertEquals(2, stats.get("connections_num"));
    assertTrue(beans.isRegistered(bean));
    assertEquals(2L, beans.getAttribute(bean, "PoolSize"));
    assertEquals(0, pool.stats().get("requests_num"));
    pool.close();
    assertFalse(beans.isRegistered(bean));
  }

  @Test
  void theNullPoolOpensAConnectionPerRequest(PostgresServer server, Connection observer) {
    PoolOptions options = PoolOptions.builder().name("it-null").size(0, 2).build();
    try (NullConnectionPool pool = new NullConnectionPool(server.conninfo(), options)) {
      int first = pool.withConnection(ConnectionPoolTest::pid);
      int second = pool.withConnection(ConnectionPoolTest::pid);
      assertNotEquals(first, second);
      assertEquals(1, pool.execute("SELECT 1").fetchOne().getInt(0));
      assertEquals(3, pool.stats().get("connections_num"));
      Await.until(
          "its backends ended",
          () ->
              observer
                      .execute(
                          "SELECT count(*) FROM pg_stat_activity WHERE pid IN ($1, $2)",
                          first,
                          second)
                      .fetchOne()
                      .getLong(0)
                  == 0);
    }
  }
}
