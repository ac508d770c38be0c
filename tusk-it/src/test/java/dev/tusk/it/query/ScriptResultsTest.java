package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Column;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameterless multi-statement scripts: one result per statement, walked with nextSet(). */
@TuskTest
class ScriptResultsTest {

  @Test
  void nextSetWalksEachStatementsResultWithItsOwnCountTagAndColumns(Connection conn) {
    Cursor<Row> cursor =
        conn.execute(
            "CREATE TABLE walk (id int);"
                + " INSERT INTO walk VALUES (1), (2), (3);"
                + " SELECT id FROM walk ORDER BY id;"
                + " UPDATE walk SET id = id + 10 WHERE id > 1;"
                + " SELECT 'x'::text AS label, 2.5::numeric AS amount");

    assertNoRowsResult(cursor, "CREATE TABLE", -1);

    assertTrue(cursor.nextSet());
    assertNoRowsResult(cursor, "INSERT 0 3", 3);

    assertTrue(cursor.nextSet());
    assertEquals("SELECT 3", cursor.statusMessage());
    assertEquals(3, cursor.rowCount());
    assertEquals(List.of("id"), names(cursor.description()));
    assertEquals(23, cursor.description().get(0).typeOid());
    assertEquals("int4", cursor.description().get(0).typeName());
    assertEquals(List.of(1, 2, 3), cursor.fetchAll().stream().map(r -> r.get(0)).toList());

    assertTrue(cursor.nextSet());
    assertNoRowsResult(cursor, "UPDATE 2", 2);

    assertTrue(cursor.nextSet());
    assertEquals(List.of("label", "amount"), names(cursor.description()));
    assertEquals(List.of(25, 1700), cursor.description().stream().map(Column::typeOid).toList());
    assertEquals(
        List.of("text", "numeric"), cursor.description().stream().map(Column::typeName).toList());
    Row last = cursor.fetchOne();
    assertEquals("x", last.get("label"));
    assertEquals(new BigDecimal("2.5"), last.get("amount"));
    assertNull(cursor.fetchOne());

    assertFalse(cursor.nextSet());
    assertNull(cursor.statusMessage());
    assertEquals(-1, cursor.rowCount());
    assertEquals(List.of(), cursor.description());
    assertFalse(cursor.nextSet(), "stays past the end");
  }

  @Test
  void unreadRowsOfAResultAreSkippedByNextSet(Connection conn) {
    Cursor<Row> cursor =
        conn.execute("SELECT generate_series(1, 5) AS n; SELECT 'after'::text AS s");

    assertEquals(1, cursor.fetchOne().get(0));
    assertTrue(cursor.nextSet());
    assertEquals(List.of("after"), cursor.fetchAll().stream().map(r -> r.get(0)).toList());
  }

  @Test
  void failingStatementInScriptRaisesAndUndoesTheWholeScript(Connection conn) {
    conn.execute("CREATE TABLE script_undo (id int)");

    assertThrows(
        DivisionByZero.class,
        () -> conn.execute("INSERT INTO script_undo VALUES (1); SELECT 1 / 0; SELECT 2"));

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, conn.execute("SELECT count(*) FROM script_undo").fetchOne().get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";", "  ;  ; ", "-- only a comment"})
  void emptyQueryGivesOneResultWithoutRowsTagOrCountAndFetchingIsAnError(
      String sql, Connection conn) {
    Cursor<Row> cursor = conn.execute(sql);

    assertNull(cursor.statusMessage());
    assertEquals(-1, cursor.rowCount());
    assertEquals(List.of(), cursor.description());
    ProgrammingError error = assertThrows(ProgrammingError.class, cursor::fetchOne);
    assertTrue(error.getMessage().contains("empty query"), error.getMessage());
    assertFalse(cursor.nextSet());
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }

  private static void assertNoRowsResult(Cursor<Row> cursor, String tag, long rowCount) {
    assertEquals(tag, cursor.statusMessage());
    assertEquals(rowCount, cursor.rowCount());
    assertEquals(List.of(), cursor.description());
    assertThrows(ProgrammingError.class, cursor::fetchOne);
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }
}
