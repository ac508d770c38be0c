package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.OperationalError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The background thread over fake connections: expiry, idling out, reconnection; the null pool. */
class PoolMaintenanceTest {

  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final FakeServer server = new FakeServer();

  private ConnectionPool pool(PoolOptions.Builder options) {
    ConnectionPool pool = new ConnectionPool(server, options.build());
    pool.waitReady(PATIENCE);
    return pool;
  }

  @Test
  void connectionsPastTheirLifetimeAreReplaced() {
    try (ConnectionPool pool =
        pool(PoolOptions.builder().size(2, 2).maxLifetime(Duration.ofMillis(100)))) {
      FakeConnection first = server.opened.get(0);
      Polling.await("the first connection expired", PATIENCE, () -> first.closed);
      Polling.await("replaced", PATIENCE, () -> server.open() == 2 && server.opened.size() > 2);
      assertEquals(2, pool.stats().get("pool_size"));
      assertEquals(0, pool.stats().get("connections_lost"));
    }
  }

  @Test
  void idleConnectionsAboveMinSizeCloseAfterMaxIdle() {
    try (ConnectionPool pool =
        pool(PoolOptions.builder().size(1, 3).maxIdle(Duration.ofMillis(100)).timeout(PATIENCE))) {
      Connection a = pool.connection();
      Connection b = pool.connection();
      Connection c = pool.connection();
      assertEquals(3, pool.stats().get("pool_size"));
      a.close();
      b.close();
      c.close();
      Polling.await("shrunk to minSize", PATIENCE, () -> pool.stats().get("pool_size") == 1);
      assertEquals(1, server.open());
    }
  }

  @Test
  void resizeGrowsAndShrinks() {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1))) {
      pool.resize(3, 4);
      pool.waitReady(PATIENCE);
      assertEquals(3, pool.stats().get("pool_size"));
      pool.resize(1, 1);
      assertEquals(1, pool.stats().get("pool_size"));
      assertEquals(1, server.open());
      assertThrows(IllegalArgumentException.class, () -> pool.resize(2, 1));
    }
  }

  @Test
  void requestsFailClearlyOnceReconnectingTimesOutAndRecoverAfter() {
    server.down = true;
    PoolOptions options =
        PoolOptions.builder()
            .name("down-unit")
            .size(1, 1)
            .reconnectDelay(Duration.ofMillis(5))
            .reconnectTimeout(Duration.ofMillis(100))
            .timeout(PATIENCE)
            .build();
    try (ConnectionPool pool = new ConnectionPool(server, options)) {
      long start = System.nanoTime();
      OperationalError error = assertThrows(OperationalError.class, pool::connection);
      assertTrue(System.nanoTime() - start < PATIENCE.toNanos() / 2, "failed only at the timeout");
      assertTrue(
          error.getMessage().startsWith("pool down-unit could not connect for PT0.1S"),
          error.getMessage());
      assertTrue(error.getMessage().contains("fake server is down"), error.getMessage());
      assertThrows(OperationalError.class, pool::connection);
      assertTrue(pool.stats().get("connections_errors") >= 2);
      server.down = false;
      pool.waitReady(PATIENCE);
      pool.connection().close();
    }
  }

  @Test
  void nullPoolOpensPerRequestAndHonoursMaxSize() throws Exception {
    try (NullConnectionPool pool =
        new NullConnectionPool(
            server, PoolOptions.builder().size(0, 1).timeout(PATIENCE).build())) {
      Connection first = pool.connection();
      Thread waiter = Thread.ofVirtual().start(() -> pool.connection().close());
      Polling.await("one waiter", PATIENCE, () -> pool.stats().get("requests_waiting") == 1);
      assertEquals(1, server.opened.size());
      first.close();
      waiter.join(PATIENCE);
      assertEquals(2, server.opened.size());
      assertEquals(0, server.open());
      assertEquals(2, pool.stats().get("connections_num"));
      assertThrows(
          PoolTimeout.class,
          () -> {
            try (Connection held = pool.connection()) {
              pool.connection(Duration.ofMillis(20));
            }
          });
      assertEquals(0, server.open());
    }
    NullConnectionPool closed = new NullConnectionPool(server, PoolOptions.defaults());
    closed.close();
    assertInstanceOf(PoolClosed.class, assertThrows(PoolClosed.class, closed::connection));
  }
}
