package dev.tusk.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The async face against the real server: futures instead of waiting, pipelining of concurrent
 * calls, errors, cancellation through the future, timeouts, transactions, and no blocking of the
 * caller while another thread holds the connection.
 */
@TuskTest
class AsyncConnectionTest {

  private static final long PROMPTLY = 10;

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(PROMPTLY, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> future.get(PROMPTLY, TimeUnit.SECONDS));
    return failed.getCause();
  }

  @Test
  void connectAsyncRunsAStatementAndFetches(TestSchema schema) throws Exception {
    AsyncConnection conn = await(Tusk.connectAsync(schema.conninfo()));
    try {
      Row row =
          await(
              conn.execute("SELECT :n::int + 1, :name::text", Map.of("n", 41, "name", "tusk"))
                  .thenCompose(AsyncCursor::fetchOne));
      assertEquals(42, row.getInt(0));
      assertEquals("tusk", row.getString(1));
    } finally {
      conn.close();
    }
    assertTrue(conn.closed());
  }

  @Test
  void aThousandConcurrentCallsEachGetTheirOwnAnswer(Connection sync) throws Exception {
    AsyncConnection conn = sync.async();
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      answers.add(
          conn.execute("SELECT $1::int * 2", i)
              .thenCompose(AsyncCursor::fetchOne)
              .thenApply(row -> row.getInt(0)));
    }
    for (int i = 0; i < answers.size(); i++) {
      assertEquals(i * 2, await(answers.get(i)));
    }
  }

  @Test
  void callbacksNeverRunOnTheReaderThread(Connection sync) throws Exception {
    String thread =
        await(sync.async().execute("SELECT 1").thenApply(c -> Thread.currentThread().getName()));
    assertFalse(thread.endsWith("-reader"), thread);
  }

  @Test
  void aServerErrorFailsTheFutureAndLeavesTheConnectionUsable(Connection sync) throws Exception {
    AsyncConnection conn = sync.async();
    assertInstanceOf(DivisionByZero.class, failureOf(conn.execute("SELECT 1 / 0")));
    assertEquals(1, await(conn.execute("SELECT 1").thenCompose(AsyncCursor::fetchOne)).getInt(0));
  }

  @Test
  void cancellingTheFutureCancelsTheStatement(Connection sync, Connection observer)
      throws Exception {
    AsyncConnection conn = sync.async();
    CompletableFuture<AsyncCursor<Row>> sleeping = conn.execute("SELECT pg_sleep(30)");
    awaitSleeping(observer, sync.info().backendPid());
    assertTrue(sleeping.cancel(true));
    // The next request runs once the server has cancelled the sleep.
    long start = System.nanoTime();
    assertEquals(7, await(conn.execute("SELECT 7").thenCompose(AsyncCursor::fetchOne)).getInt(0));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < PROMPTLY);
    assertEquals(TransactionStatus.IDLE, sync.info().transactionStatus());
  }

  @Test
  void aTimeoutFailsTheFutureWithQueryCanceled(Connection sync) throws Exception {
    AsyncConnection conn = sync.async();
    Throwable failure =
        failureOf(
            conn.execute(Query.of("SELECT pg_sleep(30)").withTimeout(Duration.ofMillis(150))));
    assertInstanceOf(QueryCanceled.class, failure);
    assertEquals(1, await(conn.execute("SELECT 1").thenCompose(AsyncCursor::fetchOne)).getInt(0));
  }

  @Test
  void inTransactionCommitsOrRollsBack(Connection sync) throws Exception {
    AsyncConnection conn = sync.async();
    sync.execute("CREATE TABLE ledger (n int)");
    await(conn.inTransaction(c -> c.execute("INSERT INTO ledger VALUES (1)").rowCount()));
    Throwable failure =
        failureOf(
            conn.inTransaction(
                c -> {
                  c.execute("INSERT INTO ledger VALUES (2)");
                  return c.execute("SELECT 1 / 0").rowCount();
                }));
    assertInstanceOf(DivisionByZero.class, failure);
    assertEquals(
        1L,
        await(conn.execute("SELECT count(*) FROM ledger").thenCompose(AsyncCursor::fetchOne))
            .getLong(0));
  }

  @Test
  void aCallWhileAnotherThreadHoldsABlockReturnsAtOnceAndRunsAfterIt(Connection sync)
      throws Exception {
    CompletableFuture<Void> blockOpen = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    Thread owner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (Transaction tx = sync.transaction()) {
                    sync.execute("SELECT 1");
                    blockOpen.complete(null);
                    release.join();
                    tx.commit();
                  }
                });
    await(blockOpen);
    long start = System.nanoTime();
    CompletableFuture<AsyncCursor<Row>> waiting = sync.async().execute("SELECT 'after'");
    long took = System.nanoTime() - start;
    assertTrue(took < TimeUnit.MILLISECONDS.toNanos(500), "blocked " + took + " ns");
    assertFalse(waiting.isDone());
    release.complete(null);
    assertEquals("after", await(waiting.thenCompose(AsyncCursor::fetchOne)).getString(0));
    owner.join();
  }

  @Test
  void aSchemaChangeIsRetriedTransparently(TestSchema schema) throws Exception {
    try (Connection sync = Tusk.connect(schema.conninfo() + " prepare_threshold=0")) {
      AsyncConnection conn = sync.async();
      sync.execute("CREATE TEMP TABLE gadget (id int)");
      sync.execute("INSERT INTO gadget VALUES (1)");
      await(conn.execute("SELECT * FROM gadget"));
      sync.execute("ALTER TABLE gadget ADD COLUMN name text DEFAULT 'cog'");
      Row row = await(conn.execute("SELECT * FROM gadget").thenCompose(AsyncCursor::fetchOne));
      assertEquals("cog", row.getString(1));
    }
  }

  @Test
  void executeManyAndScriptsWork(Connection sync) throws Exception {
    AsyncConnection conn = sync.async();
    sync.execute("CREATE TABLE item (id int)");
    AsyncCursor<Row> many =
        await(
            conn.cursor()
                .executeMany("INSERT INTO item VALUES ($1)", List.of(List.of(1), List.of(2))));
    assertEquals(2, many.rowCount());
    AsyncCursor<Row> script = await(conn.execute("SELECT 1; SELECT 2"));
    assertTrue(script.nextSet());
    assertEquals(2, await(script.fetchOne()).getInt(0));
  }

  private static void awaitSleeping(Connection observer, int pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMPTLY);
    while (System.nanoTime() < deadline) {
      Row row =
          observer
              .execute(
                  "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND query LIKE"
                      + " '%pg_sleep%' AND state = 'active'",
                  pid)
              .fetchOne();
      if (row.getLong(0) > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the statement never started");
  }
}
