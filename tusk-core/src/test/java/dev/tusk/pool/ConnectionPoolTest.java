package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.InterfaceError;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The pool over fake connections: lending, returning, resetting, discarding, hooks, stats. */
class ConnectionPoolTest {

  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final FakeServer server = new FakeServer();

  private ConnectionPool pool(PoolOptions.Builder options) {
    ConnectionPool pool = new ConnectionPool(server, options.build());
    pool.waitReady(PATIENCE);
    return pool;
  }

  private static int pid(Connection connection) {
    return connection.info().backendPid();
  }

  @Test
  void aReturnedConnectionIsLentAgain() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1))) {
      int first;
      try (Connection connection = pool.connection()) {
        first = pid(connection);
      }
      try (Connection connection = pool.connection()) {
        assertEquals(first, pid(connection));
      }
      assertEquals(1, server.opened.size());
    }
  }

  @Test
  void useAfterReturnIsAnInterfaceErrorAndClosingTwiceIsHarmless() {
    try (ConnectionPool pool = pool(PoolOptions.builder().name("unit-pool").size(1, 1))) {
      Connection connection = pool.connection();
      connection.close();
      connection.close();
      InterfaceError error = assertThrows(InterfaceError.class, () -> connection.execute("x"));
      assertEquals("the connection was returned to pool unit-pool", error.getMessage());
      assertTrue(connection.closed());
      try (Connection again = pool.connection()) {
        assertEquals(1, pool.stats().get("pool_size"));
        assertThrows(InterfaceError.class, connection::autocommit);
        again.execute("still mine");
      }
    }
  }

  @Test
  void returningRollsBackAndRestoresAutocommit() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1))) {
      FakeConnection fake = server.opened.get(0);
      try (Connection connection = pool.connection()) {
        connection.setAutocommit(false);
        fake.status = TransactionStatus.IN_TRANSACTION;
      }
      assertEquals(TransactionStatus.IDLE, fake.status);
      assertTrue(fake.autocommit);
      try (Connection connection = pool.connection()) {
        fake.status = TransactionStatus.IN_ERROR; // BEGIN sent as SQL, with autocommit on
      }
      assertEquals(TransactionStatus.IDLE, fake.status);
      assertEquals(1, server.opened.size());
    }
  }

  @Test
  void aClosedConnectionIsDiscardedAndReplaced() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1))) {
      int first;
      try (Connection connection = pool.connection()) {
        first = pid(connection);
        server.opened.get(0).closed = true;
      }
      try (Connection connection = pool.connection()) {
        assertNotEquals(first, pid(connection));
      }
      assertEquals(1, pool.stats().get("connections_lost"));
    }
  }

  /** A failover under a loan: the connection is not lent again, and is counted as rerouted. */
  @Test
  void aConnectionWhoseServerNoLongerQualifiesIsDiscardedOnReturn() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1))) {
      int first;
      try (Connection connection = pool.connection()) {
        first = pid(connection);
        server.opened.get(0).qualifies = false;
      }
      assertTrue(server.opened.get(0).closed);
      try (Connection connection = pool.connection()) {
        assertNotEquals(first, pid(connection));
      }
      assertEquals(1, pool.stats().get("connections_rerouted"));
      assertEquals(0, pool.stats().get("connections_lost"));
    }
  }

  /** Checked after the check hook, whose round trip is what brings the server's news. */
  @Test
  void anIdleConnectionThatNoLongerQualifiesIsNeverLent() {
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(2, 2)
            .maxIdle(Duration.ofHours(1))
            .check(connection -> server.opened.get(0).qualifies = false);
    try (ConnectionPool pool = pool(options)) {
      try (Connection connection = pool.connection()) {
        assertNotEquals(server.opened.get(0).pid, pid(connection));
      }
      assertEquals(1, pool.stats().get("connections_rerouted"));
    }
  }

  @Test
  void theBackgroundThreadDiscardsIdleConnectionsThatNoLongerQualify() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(2, 2))) {
      FakeConnection failedOver = server.opened.get(1);
      failedOver.qualifies = false;
      Polling.await("the pool closed it", PATIENCE, () -> failedOver.closed);
      Polling.await("it is full again", PATIENCE, () -> server.open() == 2);
      assertEquals(3, server.opened.size());
      assertEquals(1, pool.stats().get("connections_rerouted"));
    }
  }

  @Test
  void aConnectionLostWhileIdleIsNeverLent() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(2, 2))) {
      server.opened.forEach(fake -> fake.closed = true);
      try (Connection connection = pool.connection()) {
        assertTrue(pid(connection) > server.opened.get(1).pid);
      }
    }
  }

  @Test
  void theCheckHookDiscardsWhatItRejects() {
    AtomicInteger checks = new AtomicInteger();
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(1, 1)
            .check(
                connection -> {
                  if (checks.incrementAndGet() == 1) {
                    throw new IllegalStateException("bad");
                  }
                });
    try (ConnectionPool pool = pool(options)) {
      try (Connection connection = pool.connection()) {
        assertEquals(server.opened.get(1).pid, pid(connection));
      }
      assertEquals(2, checks.get());
      assertEquals(1, pool.stats().get("connections_lost"));
    }
  }

  @Test
  void theConfigureHookRunsOnEachNewConnectionAndItsFailureCounts() {
    AtomicInteger configured = new AtomicInteger();
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(2, 2)
            .reconnectDelay(Duration.ofMillis(1))
            .configure(
                connection -> {
                  if (configured.incrementAndGet() == 1) {
                    throw new IllegalStateException("bad configure");
                  }
                  connection.execute("SET x = 1");
                });
    try (ConnectionPool pool = pool(options)) {
      assertEquals(3, configured.get());
      assertEquals(1, pool.stats().get("connections_errors"));
      assertEquals(3, pool.stats().get("connections_num"));
      assertTrue(server.opened.get(0).closed, "the connection whose configure failed is closed");
    }
  }

  @Test
  void checkAllDiscardsConnectionsTheCheckRejects() {
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(3, 3)
            .check(
                connection -> {
                  if (((FakeConnection) connection).statements.get() > 0) {
                    throw new IllegalStateException("used");
                  }
                });
    try (ConnectionPool pool = pool(options)) {
      server.opened.get(1).statements.incrementAndGet();
      pool.checkAll();
      assertTrue(server.opened.get(1).closed);
      assertEquals(1, pool.stats().get("connections_lost"));
    }
  }

  @Test
  void statsCountRequestsAndPopStatsResetsCounters() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(2, 2))) {
      for (int i = 0; i < 3; i++) {
        pool.connection().close();
      }
      var stats = pool.stats();
      assertEquals(2, stats.get("pool_min"));
      assertEquals(2, stats.get("pool_max"));
      assertEquals(2, stats.get("pool_size"));
      assertEquals(2, stats.get("pool_available"));
      assertEquals(3, stats.get("requests_num"));
      assertEquals(2, stats.get("connections_num"));
      assertEquals(3, pool.popStats().get("requests_num"));
      assertEquals(0, pool.stats().get("requests_num"));
      assertEquals(2, pool.stats().get("pool_size"));
    }
  }

  @Test
  void theMBeanIsRegisteredWhileOpen() throws Exception {
    ObjectName name = new ObjectName("dev.tusk:type=ConnectionPool,name=unit-jmx");
    var server = ManagementFactory.getPlatformMBeanServer();
    ConnectionPool pool = pool(PoolOptions.builder().name("unit-jmx").size(1, 1));
    assertTrue(server.isRegistered(name));
    assertEquals(1L, server.getAttribute(name, "PoolSize"));
    pool.close();
    assertTrue(!server.isRegistered(name));
  }

  @Test
  void aPoolNotOpenedOrClosedRefusesRequests() {
    ConnectionPool pool =
        new ConnectionPool(server, PoolOptions.builder().openOnCreate(false).build());
    assertThrows(PoolClosed.class, pool::connection);
    pool.open();
    pool.open();
    pool.waitReady(PATIENCE);
    pool.close();
    pool.close();
    PoolClosed error = assertThrows(PoolClosed.class, pool::connection);
    assertTrue(error.getMessage().contains("closed"), error.getMessage());
    assertThrows(PoolClosed.class, pool::open);
    assertEquals(0, server.open());
  }
}
