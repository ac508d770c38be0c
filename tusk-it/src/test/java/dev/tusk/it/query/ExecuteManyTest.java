package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** executeMany: one statement, many parameter sets, one round trip and one implicit transaction. */
@TuskTest
class ExecuteManyTest {

  private static final int SETS = 1_000;
  private static final String INSERT = "INSERT INTO items VALUES ($1, $2, $3)";

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute(
        "DROP TABLE IF EXISTS items;"
            + " CREATE TABLE items (id int PRIMARY KEY, name text, qty int)");
  }

  @Test
  void insertsAThousandObjectArraySets(Connection conn) {
    Cursor<Row> cursor =
        conn.cursor().executeMany(INSERT, sets(i -> new Object[] {i, "item " + i, i * 2}));

    assertEquals(SETS, cursor.rowCount());
    assertTableHoldsEverySet(conn);
  }

  @Test
  void insertsAThousandListSets(Connection conn) {
    Cursor<Row> cursor =
        conn.cursor().executeMany(INSERT, sets(i -> List.of(i, "item " + i, i * 2)));

    assertEquals(SETS, cursor.rowCount());
    assertTableHoldsEverySet(conn);
  }

  @Test
  void insertsAThousandMapSetsByName(Connection conn) {
    Cursor<Row> cursor =
        conn.cursor()
            .executeMany(
                "INSERT INTO items (qty, id, name) VALUES (:qty, :id, :name)",
                sets(i -> Map.of("id", i, "name", "item " + i, "qty", i * 2)));

    assertEquals(SETS, cursor.rowCount());
    assertTableHoldsEverySet(conn);
  }

  @Test
  void rowCountIsTheTotalOverAllSets(Connection conn) {
    conn.cursor().executeMany(INSERT, sets(i -> new Object[] {i, "item", i % 10}));

    Cursor<Row> cursor =
        conn.cursor()
            .executeMany(
                "UPDATE items SET name = 'x' WHERE qty = $1",
                List.of(new Object[] {1}, new Object[] {2}, new Object[] {99}));

    assertEquals(200, cursor.rowCount());
  }

  @Test
  void failingSetUndoesEverySetInAutocommitMode(Connection conn) {
    List<Object[]> sets = sets(i -> new Object[] {i, "item " + i, i});
    sets.set(499, new Object[] {1, "duplicate of set 1", 0});

    UniqueViolation error =
        assertThrows(UniqueViolation.class, () -> conn.cursor().executeMany(INSERT, sets));

    assertEquals("23505", error.sqlState());
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, count(conn));
  }

  @Test
  void emptyListIsANoOp(Connection conn) {
    Cursor<Row> cursor = conn.cursor().executeMany(INSERT, List.of());

    assertTrue(cursor.rowCount() <= 0, "rowCount " + cursor.rowCount());
    assertEquals(0L, count(conn));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void mixedJavaTypesForOneParameterAreProgrammingError(Connection conn) {
    List<Object[]> sets = List.of(new Object[] {1, "a", 1}, new Object[] {2, "b", "three"});

    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> conn.cursor().executeMany(INSERT, sets));

    assertNull(error.sqlState(), "raised by the driver, not the server");
    assertTrue(error.getMessage().contains("$3"), error.getMessage());
    assertTrue(error.getMessage().contains("set 2"), error.getMessage());
    assertEquals(0L, count(conn));
  }

  @Test
  void integerAndLongForOneParameterAreProgrammingError(Connection conn) {
    List<Object[]> sets = List.of(new Object[] {1, "a", 1}, new Object[] {2L, "b", 2});

    assertThrows(ProgrammingError.class, () -> conn.cursor().executeMany(INSERT, sets));
    assertEquals(0L, count(conn));
  }

  @Test
  void nullsInTheFirstSetAndValuesLaterWork(Connection conn) {
    List<Object[]> sets =
        List.of(
            new Object[] {1, null, null},
            new Object[] {2, "two", null},
            new Object[] {3, null, 30},
            new Object[] {4, "four", 40});

    assertEquals(4, conn.cursor().executeMany(INSERT, sets).rowCount());

    List<List<Object>> rows = new ArrayList<>();
    for (Row row : conn.execute("SELECT id, name, qty FROM items ORDER BY id")) {
      rows.add(Arrays.asList(row.get(0), row.get(1), row.get(2)));
    }
    assertEquals(
        List.of(
            Arrays.asList(1, null, null),
            Arrays.asList(2, "two", null),
            Arrays.asList(3, null, 30),
            Arrays.asList(4, "four", 40)),
        rows);
  }

  @Test
  void missingNameInOneMapSetIsProgrammingErrorAndNothingRuns(Connection conn) {
    List<Map<String, Object>> sets = new ArrayList<>();
    sets.add(Map.of("id", 1, "name", "a", "qty", 1));
    Map<String, Object> incomplete = new HashMap<>(Map.of("id", 2, "name", "b"));
    sets.add(incomplete);

    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> conn.cursor().executeMany("INSERT INTO items VALUES (:id, :name, :qty)", sets));

    assertTrue(error.getMessage().contains(":qty"), error.getMessage());
    assertEquals(0L, count(conn));
  }

  @Test
  void returningRowsOfEverySetAreReadableResultByResult(Connection conn) {
    Cursor<Row> cursor =
        conn.cursor()
            .executeMany(
                "INSERT INTO items VALUES ($1, 'r', 0) RETURNING id * 10",
                List.of(List.of(1), List.of(2), List.of(3)));

    List<Object> returned = new ArrayList<>();
    do {
      cursor.fetchAll().forEach(row -> returned.add(row.get(0)));
    } while (cursor.nextSet());
    assertEquals(List.of(10, 20, 30), returned);
  }

  private static <T> List<T> sets(IntFunction<T> set) {
    return new ArrayList<>(IntStream.rangeClosed(1, SETS).mapToObj(set).toList());
  }

  private static void assertTableHoldsEverySet(Connection conn) {
    Row summary =
        conn.execute(
                "SELECT count(*), sum(id), sum(qty), count(*) FILTER (WHERE name = 'item ' || id)"
                    + " FROM items")
            .fetchOne();
    assertEquals(SETS, summary.getLong(0));
    assertEquals(SETS * (SETS + 1L) / 2, summary.getLong(1));
    assertEquals(SETS * (SETS + 1L), summary.getLong(2));
    assertEquals(SETS, summary.getLong(3));
  }

  private static long count(Connection conn) {
    return conn.execute("SELECT count(*) FROM items").fetchOne().getLong(0);
  }
}
