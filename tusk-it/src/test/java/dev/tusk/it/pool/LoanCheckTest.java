package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Row;
import dev.tusk.errors.InterfaceError;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * What a borrower took from a pooled connection (cursors, their iterators and streams, async
 * cursors, pipelines) fails with {@link InterfaceError} once the connection went back, and never
 * runs anything on the next borrower's connection. The pool has one connection, so the next
 * borrower always gets the very same one.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class LoanCheckTest {

  private final TestSchema schema;
  private ConnectionPool pool;

  LoanCheckTest(TestSchema schema) {
    this.schema = schema;
  }

  @BeforeEach
  void open(Connection conn) {
    conn.execute("CREATE TABLE IF NOT EXISTS loan_marks (who text)");
    conn.execute("TRUNCATE loan_marks");
    pool =
        new ConnectionPool(
            schema.conninfo(), PoolOptions.builder().name("loans").size(1, 1).build());
  }

  @AfterEach
  void close() {
    pool.close();
  }

  /** How many marks the stale handle's statements left: must stay 0. */
  private long marks() {
    try (Connection next = pool.connection()) {
      return next.execute("SELECT count(*) FROM loan_marks").fetchOne().getLong(0);
    }
  }

  private static void assertLoanEnded(Throwable error) {
    InterfaceError loan = assertInstanceOf(InterfaceError.class, error);
    assertTrue(loan.getMessage().contains("went back to pool loans"), loan.getMessage());
  }

  @Test
  void aCursorKeptAfterTheLoanRunsNothing() {
    Cursor<Row> kept;
    try (Connection conn = pool.connection()) {
      kept = conn.cursor();
      assertEquals(1, kept.execute("SELECT 1").fetchOne().getInt(0));
    }
    try (Connection next = pool.connection()) {
      // The next borrower holds the same connection now.
      assertLoanEnded(
          assertThrows(
              InterfaceError.class, () -> kept.execute("INSERT INTO loan_marks VALUES ('kept')")));
      assertLoanEnded(assertThrows(InterfaceError.class, kept::fetchAll));
      assertEquals(2, next.execute("SELECT 2").fetchOne().getInt(0));
    }
    kept.close();
    assertEquals(0, marks());
  }

  @Test
  void aCursorFromExecuteToo() {
    Cursor<Row> kept;
    try (Connection conn = pool.connection()) {
      kept = conn.execute("SELECT g FROM generate_series(1, 3) g");
    }
    assertLoanEnded(assertThrows(InterfaceError.class, kept::fetchOne));
    assertLoanEnded(
        assertThrows(
            InterfaceError.class, () -> kept.execute("INSERT INTO loan_marks VALUES ('x')")));
    assertEquals(0, marks());
  }

  @Test
  void aStreamOrIteratorKeptAfterTheLoanStops() {
    Stream<Row> stream;
    Iterator<Row> iterator;
    Cursor<Row> streaming;
    try (Connection conn = pool.connection()) {
      streaming = conn.cursor().fetchSize(10);
      stream = streaming.execute("SELECT g FROM generate_series(1, 5000) g").stream();
      Iterator<Row> rows = stream.iterator();
      assertEquals(1, rows.next().getInt(0));
      iterator = conn.execute("SELECT g FROM generate_series(1, 3) g").iterator();
      assertEquals(1, iterator.next().getInt(0));
      // Give the connection back with the stream half read: Iterator over the stream now.
      stream = Stream.of(rows).flatMap(it -> Stream.generate(it::next));
    }
    Stream<Row> kept = stream;
    assertLoanEnded(assertThrows(InterfaceError.class, () -> kept.findFirst()));
    assertLoanEnded(assertThrows(InterfaceError.class, iterator::hasNext));
    kept.close();
    streaming.close();
    assertEquals(0, marks());
  }

  @Test
  void anAsyncCursorKeptAfterTheLoanFailsItsFutures() throws Exception {
    AsyncCursor<Row> kept;
    try (Connection conn = pool.connection()) {
      kept = conn.async().execute("SELECT 1").get(30, TimeUnit.SECONDS);
      assertEquals(1, kept.fetchOne().get(30, TimeUnit.SECONDS).getInt(0));
    }
    CompletableFuture<AsyncCursor<Row>> ran = kept.execute("INSERT INTO loan_marks VALUES ('a')");
    assertLoanEnded(
        assertThrows(ExecutionException.class, () -> ran.get(30, TimeUnit.SECONDS)).getCause());
    assertLoanEnded(
        assertThrows(ExecutionException.class, () -> kept.fetchAll().get(30, TimeUnit.SECONDS))
            .getCause());
    assertLoanEnded(assertThrows(InterfaceError.class, kept::rowCount));
    AsyncCursor<Row> fromCursor;
    try (Connection conn = pool.connection()) {
      fromCursor = conn.async().cursor();
    }
    assertLoanEnded(
        assertThrows(
                ExecutionException.class,
                () ->
                    fromCursor
                        .execute("INSERT INTO loan_marks VALUES ('b')")
                        .get(30, TimeUnit.SECONDS))
            .getCause());
    assertEquals(0, marks());
  }

  @Test
  void aPipelineKeptAfterTheLoanSendsNothing() {
    Pipeline kept;
    try (Connection conn = pool.connection()) {
      kept = conn.pipeline();
      kept.execute("INSERT INTO loan_marks VALUES ('queued in the loan')");
      // The borrower forgot to sync or close the pipeline before giving the connection back.
    }
    assertLoanEnded(assertThrows(InterfaceError.class, kept::sync));
    assertLoanEnded(
        assertThrows(
            InterfaceError.class, () -> kept.execute("INSERT INTO loan_marks VALUES ('after')")));
    kept.close();
    assertEquals(0, marks());
  }

  @Test
  void anAsyncPipelineKeptAfterTheLoanSendsNothing() throws Exception {
    AsyncPipeline kept;
    CompletableFuture<AsyncCursor<Row>> queued;
    try (Connection conn = pool.connection()) {
      kept = conn.async().pipeline();
      queued = kept.execute("INSERT INTO loan_marks VALUES ('queued in the loan')");
    }
    assertLoanEnded(
        assertThrows(ExecutionException.class, () -> kept.sync().get(30, TimeUnit.SECONDS))
            .getCause());
    assertLoanEnded(
        assertThrows(
                ExecutionException.class,
                () ->
                    kept.execute("INSERT INTO loan_marks VALUES ('after')")
                        .get(30, TimeUnit.SECONDS))
            .getCause());
    kept.close().get(30, TimeUnit.SECONDS);
    assertLoanEnded(
        assertThrows(ExecutionException.class, () -> queued.get(30, TimeUnit.SECONDS)).getCause());
    assertEquals(0, marks());
  }

  @Test
  void duringTheLoanEverythingWorks() {
    try (Connection conn = pool.connection()) {
      Cursor<Row> cursor = conn.cursor().fetchSize(100);
      try (Stream<Row> rows = cursor.execute("SELECT g FROM generate_series(1, 1000) g").stream()) {
        assertEquals(500500L, rows.mapToLong(row -> row.getInt(0)).sum());
      }
      int sum = 0;
      for (Row row : conn.execute("SELECT g FROM generate_series(1, 4) g")) {
        sum += row.getInt(0);
      }
      assertEquals(10, sum);
      try (Pipeline pipeline = conn.pipeline()) {
        pipeline.execute("INSERT INTO loan_marks VALUES ('in the loan')");
      }
      assertEquals(1, conn.execute("SELECT count(*) FROM loan_marks").fetchOne().getLong(0));
    }
  }
}
