package dev.tusk.it.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Explicit pipelines with psycopg's semantics: statements queue without waiting, results arrive at
 * the sync, an error aborts the rest of its batch only, and the connection stays usable.
 */
@TuskTest
class ExplicitPipelineTest {

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute("DROP TABLE IF EXISTS part");
    conn.execute("CREATE TABLE part (id int PRIMARY KEY, name text)");
  }

  private static long count(Connection conn) {
    return conn.execute("SELECT count(*) FROM part").fetchOne().getLong(0);
  }

  @Test
  void resultsArriveOnEachCursorAfterTheSync(Connection conn) {
    try (Pipeline pipeline = conn.pipeline()) {
      Cursor<Row> first = pipeline.execute("INSERT INTO part VALUES ($1, $2)", 1, "bolt");
      Cursor<Row> second = pipeline.execute("INSERT INTO part VALUES ($1, $2)", 2, "nut");
      Cursor<Row> names = pipeline.execute("SELECT name FROM part ORDER BY id");
      Cursor<String> scalar =
          pipeline.cursor(RowFactories.scalar(String.class)).execute("SELECT 'x' || $1", "y");
      assertEquals(0, count(conn), "nothing is sent before the sync");
      pipeline.sync();
      assertEquals(1, first.rowCount());
      assertEquals(1, second.rowCount());
      assertEquals(
          List.of("bolt", "nut"), names.fetchAll().stream().map(r -> r.getString(0)).toList());
      assertEquals("xy", scalar.fetchOne());
    }
    assertEquals(2, count(conn));
  }

  @Test
  void readingACursorBeforeTheSyncSyncs(Connection conn) {
    try (Pipeline pipeline = conn.pipeline()) {
      pipeline.execute("INSERT INTO part VALUES (1, 'a')");
      Cursor<Row> total = pipeline.execute("SELECT count(*) FROM part");
      assertEquals(1L, total.fetchOne().getLong(0));
    }
  }

  @Test
  void anErrorAbortsTheRestOfItsBatchOnly(Connection conn) {
    conn.execute("INSERT INTO part VALUES (1, 'existing')");
    Pipeline pipeline = conn.pipeline();
    Cursor<Row> before = pipeline.execute("INSERT INTO part VALUES (2, 'b')");
    Cursor<Row> failing = pipeline.execute("INSERT INTO part VALUES (1, 'dup')");
    Cursor<Row> skipped = pipeline.execute("INSERT INTO part VALUES (3, 'c')");
    UniqueViolation error = assertThrows(UniqueViolation.class, pipeline::sync);
    assertSame(error, assertThrows(UniqueViolation.class, failing::rowCount));
    PipelineAborted aborted = assertThrows(PipelineAborted.class, skipped::fetchAll);
    assertTrue(aborted.getMessage().contains("statement 2"), aborted.getMessage());
    assertEquals(1, before.rowCount(), "it ran, though its implicit transaction rolled back");
    assertEquals(1, count(conn), "the batch was one implicit transaction");

    Cursor<Row> after = pipeline.execute("INSERT INTO part VALUES (4, 'd')");
    pipeline.close();
    assertEquals(1, after.rowCount());
    assertEquals(2, count(conn));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void eachSyncIsItsOwnUnit(Connection conn) {
    try (Pipeline pipeline = conn.pipeline()) {
      pipeline.execute("INSERT INTO part VALUES (1, 'a')");
      pipeline.sync();
      pipeline.execute("INSERT INTO part VALUES (1, 'again')");
      assertThrows(UniqueViolation.class, pipeline::sync);
      pipeline.execute("INSERT INTO part VALUES (2, 'b')");
    }
    assertEquals(2, count(conn));
  }

  @Test
  void manyInsertsPrepareOnceWithinTheBatch(TestSchema schema) {
    try (Connection conn = Tusk.connect(schema.conninfo() + " prepare_threshold=0")) {
      conn.execute("TRUNCATE part");
      List<Cursor<Row>> cursors = new ArrayList<>();
      try (Pipeline pipeline = conn.pipeline()) {
        for (int i = 0; i < 2_000; i++) {
          cursors.add(pipeline.execute("INSERT INTO part VALUES ($1, $2)", i, "p" + i));
        }
      }
      cursors.forEach(cursor -> assertEquals(1, cursor.rowCount()));
      assertEquals(2_000, count(conn));
      assertEquals(
          1L,
          conn.execute(
                  Query.of(
                          "SELECT count(*) FROM pg_prepared_statements"
                              + " WHERE statement LIKE 'INSERT INTO part%'")
                      .withPrepare(false))
              .fetchOne()
              .getLong(0));
    }
  }

  @Test
  void executeManyJoinsThePipeline(Connection conn) {
    try (Pipeline pipeline = conn.pipeline()) {
      Cursor<Row> many =
          pipeline
              .cursor()
              .executeMany(
                  "INSERT INTO part VALUES ($1, $2) RETURNING id",
                  List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c")));
      pipeline.sync();
      assertEquals(3, many.rowCount());
      assertEquals(1, many.fetchOne().getInt(0));
      assertTrue(many.nextSet());
      assertEquals(2, many.fetchOne().getInt(0));
    }
  }

  @Test
  void otherThreadsKeepUsingTheConnectionMeanwhile(Connection conn) throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> others = new ArrayList<>();
      try (Pipeline pipeline = conn.pipeline()) {
        for (int i = 0; i < 500; i++) {
          pipeline.execute("INSERT INTO part VALUES ($1, 'x')", i);
          int n = i;
          others.add(
              executor.submit(() -> conn.execute("SELECT $1::int * 3", n).fetchOne().getInt(0)));
        }
      }
      for (int i = 0; i < others.size(); i++) {
        assertEquals(i * 3, others.get(i).get());
      }
    }
    assertEquals(500, count(conn));
  }

  @Test
  void scriptsAndClosedPipelinesAreRefused(Connection conn) {
    Pipeline pipeline = conn.pipeline();
    assertThrows(ProgrammingError.class, () -> pipeline.execute("SELECT 1; SELECT 2"));
    pipeline.close();
    assertInstanceOf(
        InterfaceError.class,
        assertThrows(InterfaceError.class, () -> pipeline.execute("SELECT 1")));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }
}
