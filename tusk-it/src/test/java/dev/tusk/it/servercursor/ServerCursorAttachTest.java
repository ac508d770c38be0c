package dev.tusk.it.servercursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncServerCursor;
import dev.tusk.AsyncTransaction;
import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.InvalidCursorName;
import dev.tusk.sql.SQL;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Taking over a cursor opened on the server by other means (a function returning a refcursor,
 * DECLARE sent as SQL), and the server cursors of an async transaction block.
 */
@TuskTest
class ServerCursorAttachTest {

  private static final String OPEN_NUMBERS =
      """
      CREATE OR REPLACE FUNCTION pg_temp.open_numbers(n int) RETURNS refcursor
      LANGUAGE plpgsql AS $$
      DECLARE c refcursor;
      BEGIN
        OPEN c FOR SELECT g, 'row ' || g AS label FROM generate_series(1, n) g;
        RETURN c;
      END $$
      """;

  private static long cursorsNamed(Connection conn, String name) {
    return conn.execute("SELECT count(*) FROM pg_cursors WHERE name = $1", name)
        .fetchOne()
        .getLong(0);
  }

  @Test
  void aRefcursorReturnedByAFunctionIsReadByAttachingToItsName(Connection conn) {
    conn.execute(OPEN_NUMBERS);
    try (Transaction tx = conn.transaction()) {
      String name = conn.execute("SELECT pg_temp.open_numbers($1)", 25).fetchOne().getString(0);
      try (ServerCursor<Row> cursor = conn.cursor(name).itersize(10).attach()) {
        assertEquals(
            List.of("g", "label"), cursor.description().stream().map(c -> c.name()).toList());
        assertEquals(0, cursor.rowNumber());
        Row first = cursor.fetchOne();
        assertEquals(1, first.getInt("g"));
        assertEquals("row 1", first.getString("label"));
        cursor.scroll(2);
        List<Integer> rest = new ArrayList<>();
        for (Row row : cursor) {
          rest.add(row.getInt(0));
        }
        assertEquals(22, rest.size());
        assertEquals(4, rest.get(0));
        assertEquals(25, cursor.rowNumber());
      }
      assertEquals(0, cursorsNamed(conn, name), "close() closed the function's cursor");
      tx.commit();
    }
  }

  @Test
  void aCursorDeclaredInSqlIsAttachedWhereverItStands(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("DECLARE \"Sql Cursor\" CURSOR FOR SELECT g FROM generate_series(1, 6) g");
      conn.execute("FETCH 2 FROM \"Sql Cursor\"");
      try (ServerCursor<Integer> cursor =
          conn.cursor("Sql Cursor", RowFactories.scalar(Integer.class)).attach()) {
        // Attaching moved nothing: the next row is the third.
        assertEquals(List.of(3, 4, 5, 6), cursor.fetchAll());
        assertNull(cursor.fetchOne());
      }
      tx.commit();
    }
  }

  @Test
  void attachingToANameThatIsNotOpenSaysSoAndTheConnectionGoesOn(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("nowhere");
    try (Transaction tx = conn.transaction()) {
      InvalidCursorName error = assertThrows(InvalidCursorName.class, cursor::attach);
      assertTrue(error.getMessage().contains("\"nowhere\""), error.getMessage());
      assertTrue(error.getMessage().contains("refcursor"), error.getMessage());
      assertTrue(cursor.closed());
      assertInstanceOf(InterfaceError.class, assertThrows(InterfaceError.class, cursor::fetchOne));
    }
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void aHeldCursorAttachedWithHoldIsClosedAfterTheCommit(Connection conn) {
    conn.execute("DECLARE kept CURSOR WITH HOLD FOR SELECT g FROM generate_series(1, 4) g");
    ServerCursor<Integer> cursor =
        conn.cursor("kept", RowFactories.scalar(Integer.class)).withHold(true).attach();
    assertEquals(List.of(1, 2), cursor.fetchMany(2));
    cursor.close();
    assertEquals(0, cursorsNamed(conn, "kept"));
  }

  @Test
  void theAsyncFaceAttachesToo(Connection conn) throws Exception {
    conn.execute(OPEN_NUMBERS);
    conn.setAutocommit(false);
    String name = conn.execute("SELECT pg_temp.open_numbers(5)").fetchOne().getString(0);
    AsyncServerCursor<Integer> cursor =
        conn.async().cursor(name, RowFactories.scalar(Integer.class));
    cursor.attach().get(30, TimeUnit.SECONDS);
    assertEquals(List.of(1, 2, 3, 4, 5), cursor.fetchAll().get(30, TimeUnit.SECONDS));
    cursor.closeAsync().get(30, TimeUnit.SECONDS);
    assertEquals(0, cursorsNamed(conn, name));
    conn.commit();
    conn.setAutocommit(true);
    ExecutionException missing =
        assertThrows(
            ExecutionException.class,
            () -> conn.async().cursor(name).attach().get(30, TimeUnit.SECONDS));
    assertInstanceOf(InvalidCursorName.class, missing.getCause());
  }

  @Test
  void anAsyncTransactionHasServerCursorsReadThroughAPortalInsideItsBlock(Connection conn)
      throws Exception {
    conn.execute("CREATE TEMP TABLE async_block (n int)");
    AsyncTransaction tx = conn.async().transaction().get(30, TimeUnit.SECONDS);
    tx.execute("INSERT INTO async_block VALUES (1)").get(30, TimeUnit.SECONDS);
    AsyncServerCursor<Integer> cursor =
        tx.cursor("inblock", RowFactories.scalar(Integer.class)).itersize(4);
    cursor.execute("SELECT g FROM generate_series(1, $1::int) g", 10).get(30, TimeUnit.SECONDS);
    // The block sees its own uncommitted row and the cursor, a portal, inside it.
    Row row =
        tx.execute(
                "SELECT (SELECT count(*) FROM async_block),"
                    + " (SELECT statement ILIKE 'declare%' FROM pg_cursors WHERE name = 'inblock')")
            .get(30, TimeUnit.SECONDS)
            .fetchOne()
            .get(30, TimeUnit.SECONDS);
    assertEquals(1, row.getLong(0));
    assertEquals(Boolean.FALSE, row.get(1, Boolean.class), "read through a portal");
    assertEquals(List.of(1, 2), cursor.fetchMany(2).get(30, TimeUnit.SECONDS));
    List<Integer> rest = new ArrayList<>();
    cursor.forEach(rest::add).get(30, TimeUnit.SECONDS);
    assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10), rest);
    cursor.closeAsync().get(30, TimeUnit.SECONDS);
    tx.commit().get(30, TimeUnit.SECONDS);
    assertEquals(1, conn.execute("SELECT count(*) FROM async_block").fetchOne().getLong(0));
    assertEquals(0, cursorsNamed(conn, "inblock"));
  }

  @Test
  void anAsyncTransactionsCursorEndsWithTheBlockUnlessHeld(Connection conn) throws Exception {
    AsyncTransaction tx = conn.async().transaction().get(30, TimeUnit.SECONDS);
    AsyncServerCursor<Integer> plain = tx.cursor("blockplain", RowFactories.scalar(Integer.class));
    AsyncServerCursor<Integer> held =
        tx.cursor("blockheld", RowFactories.scalar(Integer.class)).withHold(true);
    plain.execute("SELECT g FROM generate_series(1, 3) g").get(30, TimeUnit.SECONDS);
    held.execute("SELECT g FROM generate_series(1, 3) g").get(30, TimeUnit.SECONDS);
    assertEquals(1, plain.fetchOne().get(30, TimeUnit.SECONDS));
    tx.commit().get(30, TimeUnit.SECONDS);
    ExecutionException ended =
        assertThrows(ExecutionException.class, () -> plain.fetchOne().get(30, TimeUnit.SECONDS));
    assertInstanceOf(InvalidCursorName.class, ended.getCause());
    assertEquals(List.of(1, 2, 3), held.fetchAll().get(30, TimeUnit.SECONDS));
    held.closeAsync().get(30, TimeUnit.SECONDS);
    plain.closeAsync().get(30, TimeUnit.SECONDS);
    assertEquals(0, cursorsNamed(conn, "blockheld"));
    assertEquals(5, conn.execute("SELECT 5").fetchOne().getInt(0));
  }

  @Test
  void theAsyncFaceTakesComposedStatementsAndScrollsRelativeAsTheSyncFace(Connection conn)
      throws Exception {
    AsyncTransaction tx = conn.async().transaction().get(30, TimeUnit.SECONDS);
    AsyncServerCursor<Integer> cursor = tx.cursor("composed", RowFactories.scalar(Integer.class));
    cursor
        .execute(
            SQL.of("SELECT g FROM {} g WHERE g > $1").format(SQL.of("generate_series(1, 10)")), 4)
        .get(30, TimeUnit.SECONDS);
    cursor.scroll(2).get(30, TimeUnit.SECONDS);
    assertEquals(2, cursor.rowNumber());
    assertEquals(List.of(7, 8, 9, 10), cursor.fetchAll().get(30, TimeUnit.SECONDS));
    tx.commit().get(30, TimeUnit.SECONDS);
  }
}
