package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.AsyncCursor;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.pool.AsyncConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The async pool against the real server: 10,000 concurrent requests on 10 connections, each
 * getting its own answer, with exclusive and shared use; errors fail only their own future.
 */
class AsyncPoolTest {

  private static AsyncConnectionPool pool(String name) {
    PoolOptions options =
        PoolOptions.builder().name(name).size(10, 10).timeout(Duration.ofSeconds(60)).build();
    return new AsyncConnectionPool(PostgresServer.get().conninfo(), options);
  }

  @Test
  void tenThousandSharedStatementsEachGetTheirOwnAnswer() throws Exception {
    try (AsyncConnectionPool pool = pool("async-shared")) {
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        answers.add(
            pool.execute("SELECT $1::int + 1", i)
                .thenCompose(AsyncCursor::fetchOne)
                .thenApply(row -> row.getInt(0)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(i + 1, answers.get(i).get(60, TimeUnit.SECONDS));
      }
      // The pool opens its connections in the background; under load the statements can all be
      // answered before the last one is open. It never grows past its size either way.
      pool.waitReady(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
      assertEquals(10L, pool.stats().get("pool_size"));
    }
  }

  @Test
  void tenThousandExclusiveRequestsQueueFairlyAndAllFinish() throws Exception {
    try (AsyncConnectionPool pool = pool("async-exclusive")) {
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        int n = i;
        answers.add(
            pool.withConnection(
                conn ->
                    conn.execute("SELECT $1::int * 2", n)
                        .thenCompose(AsyncCursor::fetchOne)
                        .thenApply(row -> row.getInt(0))));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(i * 2, answers.get(i).get(60, TimeUnit.SECONDS));
      }
      Await.until("every connection back", () -> pool.stats().get("pool_available") == 10L);
    }
  }

  @Test
  void anErrorFailsItsFutureAndTheConnectionGoesBack() throws Exception {
    try (AsyncConnectionPool pool = pool("async-errors")) {
      ExecutionException failed =
          assertThrows(
              ExecutionException.class,
              () ->
                  pool.withConnection(conn -> conn.execute("SELECT 1 / 0"))
                      .get(10, TimeUnit.SECONDS));
      assertInstanceOf(DivisionByZero.class, failed.getCause());
      assertEquals(
          3L,
          pool.inTransaction(conn -> conn.execute("SELECT 3").fetchOne().getLong(0))
              .get(10, TimeUnit.SECONDS));
      pool.waitReady(Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
      Await.until("every connection back", () -> pool.stats().get("pool_available") == 10L);
    }
  }
}
