package dev.tusk.it.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TuskTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pipeline's sync reports every statement's outcome, in order, so a large batch needs no cursor
 * kept per statement.
 */
@TuskTest
class PipelineResultsTest {

  @Test
  void syncReportsEachStatementsTagAndCount(Connection conn) {
    conn.execute("CREATE TABLE batch_rows (id int PRIMARY KEY)");
    try (Pipeline pipeline = conn.pipeline()) {
      for (int i = 0; i < 1000; i++) {
        pipeline.execute("INSERT INTO batch_rows VALUES ($1)", i);
      }
      pipeline.execute("UPDATE batch_rows SET id = id + 1000 WHERE id < 10");
      List<PipelineResult> results = pipeline.sync();
      assertEquals(1001, results.size());
      for (int i = 0; i < 1000; i++) {
        assertEquals(new PipelineResult("INSERT 0 1", 1, null), results.get(i), "statement " + i);
      }
      assertEquals(new PipelineResult("UPDATE 10", 10, null), results.get(1000));
      assertEquals(List.of(), pipeline.sync(), "nothing queued since");
    }
  }

  @Test
  void syncResultsReportsFailuresInsteadOfThrowing(Connection conn) {
    conn.execute("CREATE TABLE batch_unique (id int PRIMARY KEY)");
    try (Pipeline pipeline = conn.pipeline()) {
      pipeline.execute("INSERT INTO batch_unique VALUES (1)");
      pipeline.execute("INSERT INTO batch_unique VALUES (1)");
      pipeline.execute("INSERT INTO batch_unique VALUES (2)");
      List<PipelineResult> results = pipeline.syncResults();
      assertEquals(3, results.size());
      assertTrue(results.get(0).succeeded());
      assertInstanceOf(UniqueViolation.class, results.get(1).error());
      assertNull(results.get(1).statusMessage());
      assertEquals(-1, results.get(1).rowCount());
      assertInstanceOf(PipelineAborted.class, results.get(2).error());

      pipeline.execute("INSERT INTO batch_unique VALUES (3)");
      assertEquals(List.of(new PipelineResult("INSERT 0 1", 1, null)), pipeline.syncResults());
    }
    // The failed batch was one implicit transaction: none of it stayed.
    assertEquals(1, conn.execute("SELECT count(*) FROM batch_unique").fetchOne().getLong(0));
  }

  @Test
  void syncStillThrowsTheFailedStatementsError(Connection conn) {
    conn.execute("CREATE TABLE batch_throw (id int PRIMARY KEY)");
    try (Pipeline pipeline = conn.pipeline()) {
      pipeline.execute("INSERT INTO batch_throw VALUES (1), (1)");
      assertThrows(UniqueViolation.class, pipeline::sync);
    }
  }

  @Test
  void aBatchThatCannotBeSentFailsEveryStatement(Connection conn) {
    Pipeline pipeline = conn.pipeline();
    pipeline.execute("SELECT 1");
    pipeline.execute("SELECT 2");
    conn.close();
    List<PipelineResult> results = pipeline.syncResults();
    assertEquals(2, results.size());
    assertTrue(results.stream().noneMatch(PipelineResult::succeeded), results.toString());
  }
}
