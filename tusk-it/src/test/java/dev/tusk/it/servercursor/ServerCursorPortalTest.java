package dev.tusk.it.servercursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.InvalidCursorName;
import dev.tusk.errors.ObjectNotInPrerequisiteState;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.it.FormatProbe;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cursor neither scrollable nor held, declared in a transaction, is read through a protocol
 * portal of its name: Bind once, then Execute for so many rows per fetch.
 */
@TuskTest
class ServerCursorPortalTest {

  /**
   * Whether the open cursor of that name was declared by SQL (its statement is the DECLARE) rather
   * than bound by the protocol (its statement is the query itself); null when there is none.
   */
  private static Boolean fromSql(Connection conn, String name) {
    Row row =
        conn.execute("SELECT statement ILIKE 'declare%' FROM pg_cursors WHERE name = $1", name)
            .fetchOne();
    return row == null ? null : row.get(0, Boolean.class);
  }

  private static long cursorsNamed(Connection conn, String name) {
    return conn.execute("SELECT count(*) FROM pg_cursors WHERE name = $1", name)
        .fetchOne()
        .getLong(0);
  }

  @Test
  void aPlainCursorInATransactionIsAPortalAndScrollableOrHeldOnesAreDeclared(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> plain = conn.cursor("plain", RowFactories.scalar(Integer.class));
        ServerCursor<Integer> scroll =
            conn.cursor("scroll", RowFactories.scalar(Integer.class)).scrollable(true);
        ServerCursor<Integer> held =
            conn.cursor("held", RowFactories.scalar(Integer.class)).withHold(true)) {
      plain.execute("SELECT g FROM generate_series(1, 10) g");
      scroll.execute("SELECT g FROM generate_series(1, 10) g");
      held.execute("SELECT g FROM generate_series(1, 10) g");
      assertEquals(Boolean.FALSE, fromSql(conn, "plain"));
      assertEquals(Boolean.TRUE, fromSql(conn, "scroll"));
      assertEquals(Boolean.TRUE, fromSql(conn, "held"));
      assertEquals("DECLARE CURSOR", plain.statusMessage());
      assertEquals(List.of("g"), plain.description().stream().map(c -> c.name()).toList());
      assertEquals(0, plain.rowNumber());
      assertEquals(-1, plain.rowCount());
      assertEquals(1, plain.fetchOne());
      assertEquals(List.of(2, 3, 4), plain.fetchMany(3));
      assertEquals("FETCH 3", plain.statusMessage());
      assertEquals(3, plain.rowCount());
      assertEquals(4, plain.rowNumber());
      assertEquals(List.of(5, 6, 7, 8, 9, 10), plain.fetchAll());
      assertEquals(6, plain.rowCount());
      assertNull(plain.fetchOne());
      assertEquals(List.of(), plain.fetchAll());
      assertEquals(10, plain.rowNumber());
      tx.commit();
    }
  }

  @Test
  void iterationReadsEveryRowWhateverTheBatchBoundaries(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      for (int rows : new int[] {0, 1, 5, 6, 7, 12, 1000}) {
        try (ServerCursor<Integer> cursor =
            conn.cursor("batches", RowFactories.scalar(Integer.class)).itersize(6)) {
          cursor.execute("SELECT g FROM generate_series(1, $1::int) g", rows);
          List<Integer> seen = new ArrayList<>();
          cursor.forEach(seen::add);
          assertEquals(rows, seen.size(), "rows " + rows);
          for (int i = 0; i < rows; i++) {
            assertEquals(i + 1, seen.get(i));
          }
          assertEquals(rows, cursor.rowNumber());
          assertEquals(rows, cursor.stream().count() + rows, "nothing is left after the end");
        }
      }
      tx.commit();
    }
  }

  @Test
  void otherStatementsOfTheTransactionRunBetweenFetchesAndSqlReachesThePortalByName(
      Connection conn) {
    conn.execute("CREATE TEMP TABLE portal_log (n int)");
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor =
            conn.cursor("Mixed \"Name\"", RowFactories.scalar(Integer.class)).itersize(4)) {
      cursor.execute("SELECT g FROM generate_series(1, $1::int) g", 30);
      List<Integer> seen = new ArrayList<>(cursor.fetchMany(4));
      // Unnamed statements, a prepared one, parameters, writes: none disturbs the portal.
      for (int i = 0; i < 3; i++) {
        conn.execute("INSERT INTO portal_log VALUES ($1)", i);
        assertEquals(i + 100, conn.execute("SELECT $1::int + 100", i).fetchOne().getInt(0));
      }
      seen.addAll(cursor.fetchMany(4));
      // SQL names the portal as a quoted identifier.
      assertEquals(9, conn.execute("FETCH NEXT FROM \"Mixed \"\"Name\"\"\"").fetchOne().getInt(0));
      conn.execute("MOVE FORWARD 2 FROM \"Mixed \"\"Name\"\"\"");
      seen.addAll(cursor.fetchMany(3));
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14), seen);
      List<Integer> rest = cursor.fetchAll();
      assertEquals(16, rest.size());
      assertEquals(30, rest.get(rest.size() - 1));
      assertEquals(3, conn.execute("SELECT count(*) FROM portal_log").fetchOne().getLong(0));
      tx.commit();
    }
  }

  @Test
  void whereCurrentOfUpdatesTheRowThePortalSitsOn(Connection conn) {
    conn.execute("CREATE TEMP TABLE portal_items (id int PRIMARY KEY, seen bool DEFAULT false)");
    conn.execute("INSERT INTO portal_items (id) SELECT g FROM generate_series(1, 5) g");
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor = conn.cursor("items", RowFactories.scalar(Integer.class))) {
      cursor.execute("SELECT id FROM portal_items ORDER BY id FOR UPDATE");
      assertEquals(List.of(1, 2), cursor.fetchMany(2));
      conn.execute("UPDATE portal_items SET seen = true WHERE CURRENT OF items");
      assertEquals(3, cursor.fetchOne());
      tx.commit();
    }
    assertEquals(
        List.of(2),
        conn.execute("SELECT id FROM portal_items WHERE seen").fetchAll().stream()
            .map(r -> r.getInt(0))
            .toList());
  }

  @Test
  void closingMidWayRemovesThePortalAndTheTransactionGoesOn(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      ServerCursor<Integer> cursor =
          conn.cursor("midclose", RowFactories.scalar(Integer.class)).itersize(3);
      cursor.execute("SELECT g FROM generate_series(1, 100) g");
      int count = 0;
      for (Integer value : cursor) {
        if (++count == 5) {
          break;
        }
      }
      cursor.close();
      assertTrue(cursor.closed());
      assertEquals(0, cursorsNamed(conn, "midclose"));
      cursor.close();
      // The name is free again, within the same transaction.
      try (ServerCursor<Integer> again =
          conn.cursor("midclose", RowFactories.scalar(Integer.class))) {
        again.execute("SELECT 7");
        assertEquals(7, again.fetchOne());
      }
      tx.commit();
    }
  }

  @Test
  void executeAgainClosesThePreviousPortal(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Row> cursor = conn.cursor("twice")) {
      cursor.execute("SELECT g FROM generate_series(1, 3) g");
      assertEquals(1, cursor.fetchOne().getInt(0));
      cursor.execute("SELECT 'a' AS letter");
      assertEquals("a", cursor.fetchOne().getString("letter"));
      assertEquals(1, cursorsNamed(conn, "twice"));
      tx.commit();
    }
  }

  @Test
  void anErrorMidIterationRaisesAfterTheRowsBeforeItAndTheRollbackCleansUp(Connection conn) {
    List<Integer> seen = new ArrayList<>();
    ServerCursor<Integer> cursor =
        conn.cursor("failing", RowFactories.scalar(Integer.class)).itersize(3);
    try (Transaction tx = conn.transaction()) {
      cursor.execute("SELECT 100 / (7 - g) FROM generate_series(1, 10) g");
      assertThrows(
          DivisionByZero.class,
          () -> {
            for (Integer value : cursor) {
              seen.add(value);
            }
          });
      assertTrue(cursor.closed());
      InterfaceError closed = assertThrows(InterfaceError.class, cursor::fetchOne);
      assertInstanceOf(DivisionByZero.class, closed.getCause());
      assertThrows(InFailedSqlTransaction.class, () -> conn.execute("SELECT 1"));
    }
    assertEquals(List.of(16, 20, 25, 33, 50, 100), seen);
    assertEquals(0, cursorsNamed(conn, "failing"));
    assertEquals(2, conn.execute("SELECT 2").fetchOne().getInt(0));
  }

  @Test
  void aRollbackEndsThePortalAndTheNextFetchSaysSoWithoutSendingAnything(Connection conn) {
    ServerCursor<Integer> cursor = conn.cursor("undone", RowFactories.scalar(Integer.class));
    try (Transaction tx = conn.transaction()) {
      cursor.execute("SELECT g FROM generate_series(1, 3) g");
      assertEquals(1, cursor.fetchOne());
      tx.rollback();
    }
    InvalidCursorName error = assertThrows(InvalidCursorName.class, cursor::fetchOne);
    assertTrue(error.getMessage().contains("withHold(true)"), error.getMessage());
    cursor.close();
    assertEquals(3, conn.execute("SELECT 3").fetchOne().getInt(0));
  }

  @Test
  void aCommitSentAsSqlEndsThePortalAndTheFetchSaysTheTransactionEnded(Connection conn) {
    conn.setAutocommit(false);
    ServerCursor<Integer> cursor = conn.cursor("sqlcommit", RowFactories.scalar(Integer.class));
    cursor.execute("SELECT g FROM generate_series(1, 3) g");
    assertEquals(Boolean.FALSE, fromSql(conn, "sqlcommit"));
    assertEquals(1, cursor.fetchOne());
    conn.execute("COMMIT");
    InvalidCursorName error = assertThrows(InvalidCursorName.class, cursor::fetchOne);
    assertTrue(error.getMessage().contains("sqlcommit"), error.getMessage());
    conn.rollback();
    conn.setAutocommit(true);
    assertEquals(4, conn.execute("SELECT 4").fetchOne().getInt(0));
  }

  @Test
  void scrollingForwardWorksAndBackwardIsRefusedAsForNoScroll(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      ServerCursor<Integer> cursor = conn.cursor("forward", RowFactories.scalar(Integer.class));
      cursor.execute("SELECT g FROM generate_series(0, 9) g");
      cursor.scroll(3);
      assertEquals(3, cursor.fetchOne());
      cursor.scroll(6, ServerCursor.Scroll.ABSOLUTE);
      assertEquals(6, cursor.rowNumber());
      assertEquals(List.of(6, 7, 8, 9), cursor.fetchAll());
      assertThrows(ObjectNotInPrerequisiteState.class, () -> cursor.scroll(-1));
      assertTrue(cursor.closed());
    }
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void aStatementThatReturnsNoRowsIsRefusedAndItsPortalClosed(Connection conn) {
    conn.execute("CREATE TEMP TABLE portal_untouched (n int)");
    conn.execute("INSERT INTO portal_untouched VALUES (1)");
    try (Transaction tx = conn.transaction()) {
      ServerCursor<Row> cursor = conn.cursor("norows");
      ProgrammingError error =
          assertThrows(
              ProgrammingError.class, () -> cursor.execute("UPDATE portal_untouched SET n = 2"));
      assertTrue(error.getMessage().contains("returns rows"), error.getMessage());
      assertTrue(cursor.closed());
      assertEquals(0, cursorsNamed(conn, "norows"));
      assertEquals(1, conn.execute("SELECT n FROM portal_untouched").fetchOne().getInt(0));
      tx.commit();
    }
  }

  @Test
  void theFirstFetchOfAStatementNeverSeenIsBinaryAlready(Connection conn) {
    conn.types().register(FormatProbe.INSTANCE);
    try (Transaction tx = conn.transaction();
        ServerCursor<String> cursor = conn.cursor("probe", RowFactories.scalar(String.class))) {
      cursor.execute("SELECT g FROM generate_series(1, 3) g WHERE g > $1", 0);
      assertEquals(List.of("binary", "binary", "binary"), cursor.fetchAll());
      tx.commit();
    }
  }

  @Test
  void aNameLongerThanTheServerKeepsIsDeclaredWhichTruncatesItAlike(Connection conn) {
    String name = "n".repeat(70);
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor = conn.cursor(name, RowFactories.scalar(Integer.class))) {
      cursor.execute("SELECT g FROM generate_series(1, 3) g");
      assertEquals(List.of(1, 2, 3), cursor.fetchAll());
      assertEquals(Boolean.TRUE, fromSql(conn, name.substring(0, 63)));
      cursor.close();
      assertEquals(0, cursorsNamed(conn, name.substring(0, 63)));
      tx.commit();
    }
    assertFalse(conn.closed());
  }

  @Test
  void anIterationLeftPartWayLetsOtherStatementsRunAndTheNextFetchFollowsItsBatch(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor =
            conn.cursor("leftmidway", RowFactories.scalar(Integer.class)).itersize(2000)) {
      cursor.execute("SELECT g FROM generate_series(1, 10000) g");
      int seen = 0;
      for (Integer value : cursor) {
        if (++seen == 3) {
          break;
        }
      }
      // The batch of 2,000 is still arriving: another statement on this thread waits for it.
      assertEquals(42, conn.execute("SELECT 42").fetchOne().getInt(0));
      // The server's cursor is at the batch's end; the next fetch follows it.
      assertEquals(2001, cursor.fetchOne());
      assertEquals(2001, cursor.rowNumber());
      // A new iteration drops nothing more and reads on.
      int count = 0;
      for (Integer value : cursor) {
        count++;
      }
      assertEquals(7999, count);
      assertEquals(10000, cursor.rowNumber());
      tx.commit();
    }
  }

  @Test
  void closingAnIterationPartWayDropsTheRestOfItsBatch(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      ServerCursor<Integer> cursor =
          conn.cursor("closedmidway", RowFactories.scalar(Integer.class)).itersize(5000);
      cursor.execute("SELECT g FROM generate_series(1, 20000) g");
      var rows = cursor.iterator();
      assertEquals(1, rows.next());
      cursor.close();
      assertEquals(0, cursorsNamed(conn, "closedmidway"));
      assertEquals(5, conn.execute("SELECT 5").fetchOne().getInt(0));
      tx.commit();
    }
  }

  @Test
  void aFetchInTheMiddleOfAnIterationTakesTheRowAfterItsBatchAndTheIterationGoesOn(
      Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor =
            conn.cursor("interleaved", RowFactories.scalar(Integer.class)).itersize(10)) {
      cursor.execute("SELECT g FROM generate_series(1, 25) g");
      var rows = cursor.iterator();
      assertEquals(1, rows.next());
      assertEquals(2, rows.next());
      assertEquals(11, cursor.fetchOne());
      List<Integer> rest = new ArrayList<>();
      rows.forEachRemaining(rest::add);
      assertEquals(14, rest.size());
      assertEquals(12, rest.get(0));
      assertEquals(25, cursor.rowNumber());
      tx.commit();
    }
  }
}
