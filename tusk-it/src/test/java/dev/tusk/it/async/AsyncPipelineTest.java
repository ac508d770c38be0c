package dev.tusk.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.Connection;
import dev.tusk.PipelineResult;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The async pipeline: the sync pipeline's semantics (one round trip per batch, an error aborts the
 * rest of its batch only, the connection stays usable) through futures that never block the caller.
 */
@TuskTest
@Timeout(60)
class AsyncPipelineTest {

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute("DROP TABLE IF EXISTS part");
    conn.execute("CREATE TABLE part (id int PRIMARY KEY, name text)");
  }

  private static long count(Connection conn) {
    return conn.execute("SELECT count(*) FROM part").fetchOne().getLong(0);
  }

  private static <T> T await(CompletableFuture<T> future) {
    return future.orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    CompletionException failed =
        assertThrows(
            CompletionException.class, () -> future.orTimeout(30, TimeUnit.SECONDS).join());
    return failed.getCause();
  }

  @Test
  void statementsCompleteOnlyAfterTheSyncThatSendsThem(Connection conn) {
    AsyncPipeline pipeline = conn.async().pipeline();
    CompletableFuture<AsyncCursor<Row>> first =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1, "bolt");
    CompletableFuture<AsyncCursor<Row>> second =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 2, "nut");
    CompletableFuture<AsyncCursor<String>> names =
        pipeline.execute(
            RowFactories.scalar(String.class), Query.of("SELECT name FROM part ORDER BY id"));
    assertFalse(first.isDone(), "nothing is sent before the sync");
    assertEquals(0, count(conn));

    List<PipelineResult> results = await(pipeline.sync());

    assertEquals(3, results.size());
    assertEquals(1, results.get(0).rowCount());
    assertEquals("INSERT 0 1", results.get(1).statusMessage());
    assertEquals(1, await(first).rowCount());
    assertEquals(1, await(second).rowCount());
    assertEquals(List.of("bolt", "nut"), await(await(names).fetchAll()));
  }

  @Test
  void aFailedStatementAbortsTheRestOfItsBatchOnly(Connection conn) {
    AsyncPipeline pipeline = conn.async().pipeline();
    CompletableFuture<AsyncCursor<Row>> inserted =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1, "bolt");
    CompletableFuture<AsyncCursor<Row>> duplicate =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1, "again");
    CompletableFuture<AsyncCursor<Row>> skipped =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 3, "skipped");

    assertInstanceOf(UniqueViolation.class, failureOf(pipeline.sync()));

    assertInstanceOf(UniqueViolation.class, failureOf(duplicate));
    assertInstanceOf(PipelineAborted.class, failureOf(skipped));
    assertEquals(1, await(inserted).rowCount(), "it ran, though its transaction rolled back");
    assertEquals(0, count(conn), "the batch was one implicit transaction");

    CompletableFuture<AsyncCursor<Row>> next =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 4, "after");
    List<PipelineResult> results = await(pipeline.syncResults());
    assertNull(results.get(0).error());
    assertEquals(1, await(next).rowCount());
    assertEquals(1, count(conn));
  }

  @Test
  void syncResultsReportsEachStatementInsteadOfFailing(Connection conn) {
    AsyncPipeline pipeline = conn.async().pipeline();
    pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1, "bolt");
    pipeline.execute("SELECT 1 / 0");
    pipeline.execute("SELECT 2");
    List<PipelineResult> results = await(pipeline.syncResults());
    assertEquals(3, results.size());
    assertNull(results.get(0).error());
    assertInstanceOf(DivisionByZero.class, results.get(1).error());
    assertInstanceOf(PipelineAborted.class, results.get(2).error());
    assertEquals(0, count(conn));
  }

  @Test
  void aBadParameterFailsItsOwnFutureAtOnceAndSendsNothing(Connection conn) {
    AsyncPipeline pipeline = conn.async().pipeline();
    CompletableFuture<AsyncCursor<Row>> wrong =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1);
    assertTrue(wrong.isCompletedExceptionally());
    assertInstanceOf(ProgrammingError.class, failureOf(wrong));
    CompletableFuture<AsyncCursor<Row>> right =
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1, "bolt");
    await(pipeline.close());
    assertEquals(1, await(right).rowCount());
    assertInstanceOf(
        InterfaceError.class, failureOf(pipeline.execute("SELECT 1")), "closed pipelines refuse");
  }

  @Test
  void executeManyInAPipelineCountsEverySet(Connection conn) {
    AsyncPipeline pipeline = conn.async().pipeline();
    List<Object[]> sets = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sets.add(new Object[] {i, "part " + i});
    }
    CompletableFuture<AsyncCursor<Row>> many =
        pipeline.executeMany("INSERT INTO part VALUES ($1, $2)", sets);
    await(pipeline.close());
    assertEquals(100, await(many).rowCount());
    assertEquals(100, count(conn));
  }

  @Test
  void otherCallersOfTheConnectionNeverLandInsideABatch(Connection conn) throws Exception {
    AsyncConnection async = conn.async();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> others = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int n = t;
        others.add(
            threads.submit(
                () -> {
                  int sum = 0;
                  for (int i = 0; i < 20; i++) {
                    sum += conn.execute("SELECT $1::int", n).fetchOne().getInt(0);
                  }
                  return sum;
                }));
      }
      for (int batch = 0; batch < 20; batch++) {
        AsyncPipeline pipeline = async.pipeline();
        pipeline.execute("INSERT INTO part VALUES ($1, $2)", batch, "ok");
        // Fails, and must abort only this batch's own statements, never another caller's.
        pipeline.execute("SELECT 1 / 0");
        List<PipelineResult> results = await(pipeline.syncResults());
        assertInstanceOf(DivisionByZero.class, results.get(1).error());
      }
      for (int t = 0; t < others.size(); t++) {
        assertEquals(20 * t, others.get(t).get(30, TimeUnit.SECONDS));
      }
    }
    assertEquals(0, count(conn));
  }

  @Test
  void aPooledConnectionsPipelineWorksWhileTheLoanLasts(Connection conn, TestSchema schema)
      throws ExecutionException, InterruptedException {
    PoolOptions options = PoolOptions.builder().name("async-pipeline").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options)) {
      try (Connection lent = pool.connection()) {
        AsyncPipeline pipeline = lent.async().pipeline();
        CompletableFuture<AsyncCursor<Row>> inserted =
            pipeline.execute("INSERT INTO part VALUES ($1, $2)", 7, "pooled");
        await(pipeline.close());
        assertEquals(1, await(inserted).rowCount());
      }
    }
    assertEquals(1, count(conn));
  }

  @Test
  void aTimeoutCancelsTheBatchAndTheConnectionStaysUsable(Connection conn) {
    AsyncPipeline pipeline = conn.async().pipeline();
    CompletableFuture<AsyncCursor<Row>> slow =
        pipeline.execute(Query.of("SELECT pg_sleep(10)").withTimeout(Duration.ofMillis(200)));
    assertInstanceOf(QueryCanceled.class, failureOf(pipeline.sync()));
    assertInstanceOf(QueryCanceled.class, failureOf(slow));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }
}
