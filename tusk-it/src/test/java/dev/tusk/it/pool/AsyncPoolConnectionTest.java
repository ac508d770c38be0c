package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.pool.AsyncConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.pool.PoolTimeout;
import dev.tusk.testing.PostgresServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The async pool hands out a connection as a future, given back by closing it. */
class AsyncPoolConnectionTest {

  private static AsyncConnectionPool pool(String name) {
    PoolOptions options =
        PoolOptions.builder().name(name).size(1, 1).timeout(Duration.ofSeconds(30)).build();
    AsyncConnectionPool pool = new AsyncConnectionPool(PostgresServer.get().conninfo(), options);
    pool.sync().waitReady(Await.PATIENCE);
    return pool;
  }

  @Test
  void aLentConnectionServesItsHolderUntilClosed() throws Exception {
    try (AsyncConnectionPool pool = pool("async-lend")) {
      AsyncConnection conn = pool.connection().get(30, TimeUnit.SECONDS);
      int pid = conn.info().backendPid();
      CompletableFuture<AsyncConnection> next = pool.connection();
      int answer =
          conn.execute("SELECT 6 * 7")
              .thenCompose(AsyncCursor::fetchOne)
              .thenApply(row -> row.getInt(0))
              .get(30, TimeUnit.SECONDS);
      assertEquals(42, answer);
      assertEquals(false, next.isDone(), "the pool's only connection is lent");
      conn.close();
      AsyncConnection again = next.get(30, TimeUnit.SECONDS);
      assertEquals(pid, again.info().backendPid());
      again.close();
      assertEquals(1L, pool.stats().get("pool_available"));
    }
  }

  @Test
  void aTimeoutFailsTheFuture() throws Exception {
    try (AsyncConnectionPool pool = pool("async-lend-timeout")) {
      AsyncConnection held = pool.connection().get(30, TimeUnit.SECONDS);
      ExecutionException failure =
          assertThrows(
              ExecutionException.class,
              () -> pool.connection(Duration.ofMillis(50)).get(30, TimeUnit.SECONDS));
      assertInstanceOf(PoolTimeout.class, failure.getCause());
      held.close();
    }
  }

  @Test
  void aConnectionArrivingAfterTheCallerCancelledGoesBack() throws Exception {
    try (AsyncConnectionPool pool = pool("async-lend-cancel")) {
      AsyncConnection held = pool.connection().get(30, TimeUnit.SECONDS);
      CompletableFuture<AsyncConnection> abandoned = pool.connection();
      assertTrue(abandoned.cancel(false));
      held.close();
      // The abandoned request takes the connection and hands it straight back.
      AsyncConnection next = pool.connection().get(30, TimeUnit.SECONDS);
      next.close();
      Await.until("the connection is free again", () -> pool.stats().get("pool_available") == 1L);
    }
  }
}
