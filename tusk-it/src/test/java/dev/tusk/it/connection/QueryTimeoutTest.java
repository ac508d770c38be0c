package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Query timeouts (per call and per connection) and cancellation of pipelined work: the statement
 * fails with QueryCanceled, later requests are untouched, and the connection stays usable in a
 * known transaction state.
 */
@TuskTest
class QueryTimeoutTest {

  private static final String SLEEP = "SELECT pg_sleep(30)";
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void aPerCallTimeoutCancelsTheStatement(Connection conn) {
    long start = System.nanoTime();
    QueryCanceled canceled =
        assertThrows(
            QueryCanceled.class,
            () -> conn.execute(Query.of(SLEEP).withTimeout(Duration.ofMillis(200))));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals("57014", canceled.sqlState());
    assertTrue(took.compareTo(Duration.ofMillis(200)) >= 0, "took " + took);
    assertTrue(took.compareTo(PROMPTLY) < 0, "took " + took);
    assertUsable(conn);
  }

  @Test
  void theConnectionsDefaultAppliesAndZeroLiftsIt(TestSchema schema) {
    try (Connection conn = Tusk.connect(schema.conninfo() + " query_timeout=0.2")) {
      assertThrows(QueryCanceled.class, () -> conn.execute(SLEEP));
      assertUsable(conn);
      Row slow =
          conn.execute(Query.of("SELECT pg_sleep(0.4), 'done'").withTimeout(Duration.ZERO))
              .fetchOne();
      assertEquals("done", slow.getString(1));
    }
  }

  /**
   * PostgreSQL cancels whatever runs when a cancel arrives. Here the cancel of a statement that
   * outlived its timeout is slowed down on its way (its own connection goes through a slow proxy)
   * until after the statement has finished: the next statement must not be the one cancelled.
   */
  @Test
  void aLateCancelNeverHitsTheNextStatement(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride())) {
      assertUsable(conn);
      proxy.delayNewConnections(Duration.ofMillis(500));
      Row first =
          conn.execute(Query.of("SELECT pg_sleep(0.3), 'first'").withTimeout(Duration.ofMillis(50)))
              .fetchOne();
      assertEquals("first", first.getString(1), "the cancel arrived after it had finished");
      Row next = conn.execute("SELECT pg_sleep(0.6), 'next'").fetchOne();
      assertEquals("next", next.getString(1));
      assertUsable(conn);
    }
  }

  @Test
  void aFastStatementIsUnaffectedByItsTimeout(Connection conn) {
    for (int i = 0; i < 50; i++) {
      Query query = Query.of("SELECT $1::int").withTimeout(Duration.ofSeconds(5));
      assertEquals(i, conn.execute(query, i).fetchOne().getInt(0));
    }
  }

  @Test
  void aTimeoutInsideATransactionLeavesItFailedAndRollbackRecovers(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("CREATE TEMP TABLE keep (a int)");
      assertThrows(
          QueryCanceled.class,
          () -> conn.execute(Query.of(SLEEP).withTimeout(Duration.ofMillis(100))));
      assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
    }
    assertUsable(conn);
  }

  @Test
  void aQueuedStatementTimesOutOnlyOnceItRunsAndSparesTheOneAhead(
      Connection conn, Connection observer) throws Exception {
    CompletableFuture<String> ahead =
        CompletableFuture.supplyAsync(
            () -> conn.execute("SELECT pg_sleep(0.5), 'ahead'").fetchOne().getString(1));
    Backends.awaitActive(observer, conn.info().backendPid(), "pg_sleep(0.5)");
    long start = System.nanoTime();
    assertThrows(
        QueryCanceled.class,
        () -> conn.execute(Query.of(SLEEP).withTimeout(Duration.ofMillis(50))));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals("ahead", ahead.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    assertTrue(took.compareTo(PROMPTLY) < 0, "took " + took);
    assertUsable(conn);
  }

  @Test
  void cancellingDuringAPipelinedBatchAbortsItsRestOnly(Connection conn, Connection observer)
      throws Exception {
    Pipeline pipeline = conn.pipeline();
    Cursor<Row> first = pipeline.execute("SELECT 1");
    Cursor<Row> sleeping = pipeline.execute(SLEEP);
    Cursor<Row> skipped = pipeline.execute("SELECT 3");
    CompletableFuture<Void> synced = CompletableFuture.runAsync(pipeline::sync);
    Backends.awaitActive(observer, conn.info().backendPid(), "pg_sleep");
    // Another thread's request, queued behind the batch, must come through intact.
    CompletableFuture<Integer> behind =
        CompletableFuture.supplyAsync(() -> conn.execute("SELECT 42").fetchOne().getInt(0));
    conn.cancel();

    ExecutionException failed =
        assertThrows(
            ExecutionException.class, () -> synced.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(QueryCanceled.class, failed.getCause());
    assertEquals(1, first.fetchOne().getInt(0));
    assertThrows(QueryCanceled.class, sleeping::fetchOne);
    assertThrows(PipelineAborted.class, skipped::fetchOne);
    assertEquals(42, behind.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    assertUsable(conn);
  }

  @Test
  void closingWhileAStatementRunsLeavesNoThreadBehind(TestSchema schema, Connection observer)
      throws Exception {
    Connection conn = Tusk.connect(schema.conninfo());
    String prefix = "tusk-" + conn.info().backendPid() + "@";
    CompletableFuture<Object> sleeping = CompletableFuture.supplyAsync(() -> conn.execute(SLEEP));
    Backends.awaitActive(observer, conn.info().backendPid(), "pg_sleep");
    conn.close();
    ExecutionException failed =
        assertThrows(
            ExecutionException.class, () -> sleeping.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(dev.tusk.errors.OperationalError.class, failed.getCause());
    assertEquals(java.util.List.of(), DriverThreads.awaitAtMost(prefix, 0, PROMPTLY));
    Backends.awaitGone(observer, conn.info().backendPid());
  }

  private static void assertUsable(Connection conn) {
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }
}
