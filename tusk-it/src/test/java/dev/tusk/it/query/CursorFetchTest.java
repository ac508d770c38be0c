package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading results through a cursor: fetchOne, fetchMany, fetchAll, iteration and rowCount. */
@TuskTest
class CursorFetchTest {

  private static final String TEN = "SELECT n FROM generate_series(1, 10) AS n";

  @Test
  void fetchOneReturnsEachRowThenNull(Connection conn) {
    Cursor<Row> cursor = conn.execute("SELECT n FROM generate_series(1, 3) AS n");

    assertEquals(1, cursor.fetchOne().get(0));
    assertEquals(2, cursor.fetchOne().get(0));
    assertEquals(3, cursor.fetchOne().get(0));
    assertNull(cursor.fetchOne());
    assertNull(cursor.fetchOne(), "stays at the end");
  }

  @Test
  void fetchManyReturnsAtMostSizeRowsAndFewerAtTheEnd(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);

    List<Integer> sizes = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      List<Row> batch = cursor.fetchMany(3);
      sizes.add(batch.size());
      batch.forEach(row -> values.add(row.get(0)));
    }

    assertEquals(List.of(3, 3, 3, 1, 0), sizes);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), values);
  }

  @Test
  void fetchManyOfZeroReturnsNothingAndDoesNotAdvance(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);

    assertEquals(List.of(), cursor.fetchMany(0));
    assertEquals(1, cursor.fetchOne().get(0));
  }

  @Test
  void fetchManyPastTheEndReturnsTheRest(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);
    cursor.fetchMany(8);

    assertEquals(List.of(9, 10), cursor.fetchMany(100).stream().map(r -> r.get(0)).toList());
    assertEquals(List.of(), cursor.fetchMany(100));
  }

  @Test
  void fetchManyOfNegativeSizeIsProgrammingError(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);

    assertThrows(ProgrammingError.class, () -> cursor.fetchMany(-1));
  }

  @Test
  void fetchAllReturnsTheRemainingRowsThenNothing(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);
    cursor.fetchOne();
    cursor.fetchOne();

    assertEquals(
        List.of(3, 4, 5, 6, 7, 8, 9, 10), cursor.fetchAll().stream().map(r -> r.get(0)).toList());
    assertEquals(List.of(), cursor.fetchAll());
  }

  @Test
  void forEachIteratesOverEveryRow(Connection conn) {
    List<Object> values = new ArrayList<>();
    for (Row row : conn.execute(TEN)) {
      values.add(row.get("n"));
    }

    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), values);
  }

  @Test
  void iterationContinuesFromTheCurrentRow(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);
    cursor.fetchMany(7);

    List<Object> values = new ArrayList<>();
    cursor.forEach(row -> values.add(row.get(0)));

    assertEquals(List.of(8, 9, 10), values);
  }

  @Test
  void rowCountReportsEachKindOfStatement(Connection conn) {
    assertEquals(-1, conn.execute("CREATE TABLE counted (id int)").rowCount());
    assertEquals(4, conn.execute("INSERT INTO counted SELECT generate_series(1, 4)").rowCount());
    assertEquals(4, conn.execute("SELECT * FROM counted").rowCount());
    assertEquals(0, conn.execute("SELECT * FROM counted WHERE id > 100").rowCount());
    assertEquals(3, conn.execute("UPDATE counted SET id = id * 2 WHERE id > $1", 1).rowCount());
    assertEquals(2, conn.execute("DELETE FROM counted WHERE id > $1", 4).rowCount());
    assertEquals(-1, conn.execute("DROP TABLE counted").rowCount());
  }

  @Test
  void statusMessageIsTheCommandTag(Connection conn) {
    conn.execute("CREATE TABLE tagged (id int)");

    assertEquals("INSERT 0 2", conn.execute("INSERT INTO tagged VALUES (1), (2)").statusMessage());
    assertEquals("SELECT 2", conn.execute("SELECT * FROM tagged").statusMessage());
  }

  @Test
  void fetchingFromAStatementWithoutRowsIsProgrammingError(Connection conn) {
    conn.execute("CREATE TABLE no_rows (id int)");
    Cursor<Row> insert = conn.execute("INSERT INTO no_rows VALUES ($1)", 1);

    assertThrows(ProgrammingError.class, insert::fetchOne);
    assertThrows(ProgrammingError.class, () -> insert.fetchMany(1));
    assertThrows(ProgrammingError.class, insert::fetchAll);
  }

  @Test
  void returningGivesRowsToAnInsert(Connection conn) {
    conn.execute("CREATE TABLE returned (id int, name text)");

    Cursor<Row> cursor =
        conn.execute("INSERT INTO returned VALUES ($1, $2), ($3, $4) RETURNING id", 1, "a", 2, "b");

    assertEquals(2, cursor.rowCount());
    assertEquals(List.of(1, 2), cursor.fetchAll().stream().map(r -> r.get("id")).toList());
  }

  @Test
  void closedCursorIsInterfaceError(Connection conn) {
    Cursor<Row> cursor = conn.execute(TEN);
    cursor.close();

    assertThrows(InterfaceError.class, cursor::fetchOne);
    assertThrows(InterfaceError.class, () -> cursor.fetchMany(2));
    assertThrows(InterfaceError.class, cursor::fetchAll);
    assertThrows(InterfaceError.class, cursor::nextSet);
    assertThrows(InterfaceError.class, () -> cursor.execute("SELECT 1"));
  }

  @Test
  void cursorIsReusableForAnotherStatement(Connection conn) {
    try (Cursor<Row> cursor = conn.cursor()) {
      cursor.execute(TEN);
      cursor.fetchOne();
      cursor.execute("SELECT 'second'::text AS s");

      assertEquals("second", cursor.fetchOne().get("s"));
      assertNull(cursor.fetchOne());
      assertEquals(1, cursor.description().size());
    }
  }
}
