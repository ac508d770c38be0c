package dev.tusk.it.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A large pipeline inside a transaction block its thread owns is sent in parts as it grows (1,000
 * statements each), so the server works while the rest is bound; its results and errors are those
 * of one batch.
 */
@TuskTest
class PipelinePartsTest {

  private static final int STATEMENTS = 5_500;
  private static final String INSERT = "INSERT INTO parts VALUES (nextval('parts_seq'), $1)";

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute(
        "DROP TABLE IF EXISTS parts; DROP SEQUENCE IF EXISTS parts_seq;"
            + " CREATE SEQUENCE parts_seq; CREATE TABLE parts (id int PRIMARY KEY, note text)");
  }

  /** A sequence is not transactional: another session sees it advance before the sync. */
  @Test
  void partsRunBeforeTheSyncInsideABlock(Connection conn, TestSchema schema) {
    List<Cursor<Row>> cursors = new ArrayList<>();
    try (Connection observer = Tusk.connect(schema.conninfo());
        Transaction tx = conn.transaction();
        Pipeline pipeline = conn.pipeline()) {
      for (int i = 0; i < STATEMENTS; i++) {
        cursors.add(pipeline.execute(INSERT, "n" + i));
      }
      long ranBeforeSync =
          observer.execute("SELECT last_value FROM parts_seq").fetchOne().getLong(0);
      assertTrue(ranBeforeSync >= 1_000, "sequence at " + ranBeforeSync + " before the sync");

      List<PipelineResult> results = pipeline.sync();
      assertEquals(STATEMENTS, results.size());
      results.forEach(result -> assertEquals(1, result.rowCount()));
      tx.commit();
    }
    cursors.forEach(cursor -> assertEquals(1, cursor.rowCount()));
    assertEquals(STATEMENTS, conn.execute("SELECT count(*) FROM parts").fetchOne().getLong(0));
  }

  @Test
  void aFailureInOnePartSkipsEveryLaterStatement(Connection conn) {
    int failing = 2_500;
    List<Cursor<Row>> cursors = new ArrayList<>();
    List<PipelineResult> results;
    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO parts VALUES (-1, 'taken')");
      try (Pipeline pipeline = conn.pipeline()) {
        for (int i = 0; i < STATEMENTS; i++) {
          cursors.add(
              i == failing
                  ? pipeline.execute("INSERT INTO parts VALUES (-1, 'again')")
                  : pipeline.execute(INSERT, "n" + i));
        }
        results = pipeline.syncResults();
      }
      assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
    }

    assertEquals(STATEMENTS, results.size());
    for (int i = 0; i < failing; i++) {
      assertNull(results.get(i).error(), "statement " + i);
      assertEquals(1, cursors.get(i).rowCount());
    }
    assertInstanceOf(UniqueViolation.class, results.get(failing).error());
    assertThrows(UniqueViolation.class, () -> cursors.get(failing).fetchAll());
    for (int i = failing + 1; i < STATEMENTS; i++) {
      assertInstanceOf(PipelineAborted.class, results.get(i).error(), "statement " + i);
    }
    assertThrows(PipelineAborted.class, () -> cursors.get(STATEMENTS - 1).fetchAll());
    assertEquals(0L, conn.execute("SELECT count(*) FROM parts").fetchOne().getLong(0));
  }

  @Test
  void syncRaisesTheFailedStatementsErrorAndTheNextBatchRunsNormally(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      try (Pipeline pipeline = conn.pipeline()) {
        for (int i = 0; i < STATEMENTS; i++) {
          pipeline.execute(INSERT, "n" + i);
        }
        pipeline.execute("INSERT INTO parts VALUES (1, 'duplicate')");
        assertThrows(UniqueViolation.class, pipeline::sync);
      }
      tx.rollback();
    }
    try (Transaction tx = conn.transaction();
        Pipeline pipeline = conn.pipeline()) {
      for (int i = 0; i < 1_500; i++) {
        pipeline.execute("INSERT INTO parts VALUES ($1, 'x')", i);
      }
      assertEquals(1_500, pipeline.sync().size());
      tx.commit();
    }
    assertEquals(1_500L, conn.execute("SELECT count(*) FROM parts").fetchOne().getLong(0));
  }
}
