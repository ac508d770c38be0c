package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.run;
import static dev.tusk.internal.engine.Scripted.textRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.EmptyQueryResponse;
import dev.tusk.internal.protocol.ReadyForQuery;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The simple query protocol's exchange, driven by scripted backend messages. */
class SimpleQueryTest {

  private static final RowDescription TWO_COLUMNS =
      description(field("id", 23, 0), field("name", 25, 0));

  @Test
  void encodesOneQueryMessage() {
    WriteBuffer out = new WriteBuffer();
    new SimpleQuery("SELECT 1; SELECT 'é'").encode(out);
    assertArrayEquals(
        new Expected().message('Q', "SELECT 1; SELECT 'é'").toByteArray(), out.toByteArray());
  }

  @Test
  void aSelectGivesItsDescriptionRowsTagAndCount() {
    DataRow first = textRow("1", "ann");
    DataRow second = textRow("2", null);
    List<StatementResult> results =
        run(
            new SimpleQuery("SELECT id, name FROM t"),
            TWO_COLUMNS,
            first,
            second,
            new CommandComplete("SELECT 2"),
            idle());
    assertEquals(1, results.size());
    StatementResult result = results.get(0);
    assertSame(TWO_COLUMNS, result.description());
    assertEquals(List.of(first, second), result.rows());
    assertEquals("SELECT 2", result.commandTag());
    assertEquals(2, result.rowCount());
  }

  @Test
  void aScriptGivesOneResultPerStatementInOrder() {
    DataRow row = textRow("7", "x");
    List<StatementResult> results =
        run(
            new SimpleQuery("CREATE TABLE t (...); INSERT ...; SELECT ...; SET x = 1"),
            new CommandComplete("CREATE TABLE"),
            new CommandComplete("INSERT 0 3"),
            TWO_COLUMNS,
            row,
            new CommandComplete("SELECT 1"),
            new CommandComplete("SET"),
            idle());
    assertEquals(
        List.of("CREATE TABLE", "INSERT 0 3", "SELECT 1", "SET"),
        results.stream().map(StatementResult::commandTag).toList());
    assertEquals(
        List.of(-1L, 3L, 1L, -1L), results.stream().map(StatementResult::rowCount).toList());
    assertNull(results.get(0).description());
    assertTrue(results.get(1).rows().isEmpty());
    assertSame(TWO_COLUMNS, results.get(2).description());
    assertEquals(List.of(row), results.get(2).rows());
    assertNull(results.get(3).description());
  }

  @Test
  void aSelectOfNoRowsStillHasItsDescription() {
    List<StatementResult> results =
        run(
            new SimpleQuery("SELECT ... WHERE false"),
            TWO_COLUMNS,
            new CommandComplete("SELECT 0"),
            idle());
    assertSame(TWO_COLUMNS, results.get(0).description());
    assertTrue(results.get(0).rows().isEmpty());
    assertEquals(0, results.get(0).rowCount());
  }

  @Test
  void anEmptyQueryGivesOneResultWithoutTagOrCount() {
    List<StatementResult> results =
        run(new SimpleQuery(" ; "), EmptyQueryResponse.INSTANCE, idle());
    assertEquals(1, results.size());
    assertNull(results.get(0).commandTag());
    assertNull(results.get(0).description());
    assertEquals(-1, results.get(0).rowCount());
  }

  @Test
  void onlyReadyForQueryEndsTheExchange() {
    SimpleQuery query = new SimpleQuery("BEGIN");
    assertFalse(query.handle(new CommandComplete("BEGIN"), null));
    assertFalse(query.future().isDone());
    assertTrue(query.handle(new ReadyForQuery(ReadyForQuery.IN_TRANSACTION), null));
    assertFalse(query.future().isDone(), "the session completes it after it leaves the queue");
    query.finish();
    assertEquals("BEGIN", query.future().join().get(0).commandTag());
  }

  @Test
  void onlyACommitsOutcomeIsUnknownWhenTheLinkDrops() {
    assertTrue(SimpleQuery.commit("COMMIT").outcomeUnknownIfLost());
    assertFalse(new SimpleQuery("COMMIT").outcomeUnknownIfLost());
  }

  /** Any script of statements, each returning rows or not, comes back statement by statement. */
  @Property(tries = 200)
  void resultsMirrorTheScript(
      @ForAll @Size(max = 8) List<@IntRange(min = -1, max = 5) Integer> rowsPerStatement) {
    List<BackendMessage> messages = new ArrayList<>();
    for (int rows : rowsPerStatement) {
      if (rows < 0) {
        messages.add(new CommandComplete("UPDATE 4"));
        continue;
      }
      messages.add(TWO_COLUMNS);
      for (int i = 0; i < rows; i++) {
        messages.add(textRow(Integer.toString(i), "r"));
      }
      messages.add(new CommandComplete("SELECT " + rows));
    }
    messages.add(idle());
    List<StatementResult> results =
        run(new SimpleQuery("script"), messages.toArray(BackendMessage[]::new));
    assertEquals(rowsPerStatement.size(), results.size());
    for (int i = 0; i < results.size(); i++) {
      int rows = rowsPerStatement.get(i);
      StatementResult result = results.get(i);
      assertEquals(rows < 0 ? 4 : rows, result.rowCount());
      assertEquals(Math.max(rows, 0), result.rows().size());
      assertEquals(rows < 0, result.description() == null);
    }
  }
}
