package dev.tusk.it.servercursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.InvalidCursorName;
import dev.tusk.errors.NoActiveSqlTransaction;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.errors.ObjectNotInPrerequisiteState;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.SyntaxError;
import dev.tusk.it.FormatProbe;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side cursors: DECLARE, FETCH in batches, MOVE, CLOSE, hold, errors and names. */
@TuskTest
class ServerCursorTest {

  private static long cursorsNamed(Connection conn, String name) {
    return conn.execute("SELECT count(*) FROM pg_cursors WHERE name = $1", name)
        .fetchOne()
        .getLong(0);
  }

  /**
   * The row the server's cursor sits on: FETCH RELATIVE 0 fetches it again without moving (which
   * takes a step back, so only for a cursor declared scrollable).
   */
  private static Integer serverRow(Connection conn, String quotedName) {
    Row row = conn.execute("FETCH RELATIVE 0 FROM " + quotedName).fetchOne();
    return row == null ? null : row.getInt(0);
  }

  @Test
  void iterationFetchesItersizeRowsPerFetch(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor =
            conn.cursor("batches", RowFactories.scalar(Integer.class)).scrollable(true)) {
      cursor.itersize(3).execute("SELECT g FROM generate_series(1, $1::int) g", 10);
      List<Integer> seen = new ArrayList<>();
      List<Integer> serverRows = new ArrayList<>();
      for (Integer value : cursor) {
        seen.add(value);
        // Where the server's cursor is while row `value` is handed out: the end of its batch.
        serverRows.add(serverRow(conn, "batches"));
      }
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen);
      // The fourth FETCH asked for 3, got 1 and left the cursor past the end: no current row.
      assertEquals(Arrays.asList(3, 3, 3, 6, 6, 6, 9, 9, 9, null), serverRows);
      assertEquals(10, cursor.rowNumber());
      assertEquals(1, cursor.rowCount(), "the last FETCH of 3 returned 1 row");
      assertEquals("FETCH 1", cursor.statusMessage());
      tx.commit();
    }
  }

  @Test
  void fetchOneFetchManyAndFetchAllMoveTheServerCursorByWhatTheyReturn(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Row> cursor = conn.cursor("fetches").scrollable(true)) {
      assertEquals(-1, cursor.rowNumber());
      cursor.execute("SELECT g AS n, g * 10 AS tens FROM generate_series(1, 42) g");
      assertEquals(List.of("n", "tens"), cursor.description().stream().map(c -> c.name()).toList());
      assertEquals("int4", cursor.description().get(0).typeName());
      assertEquals(0, cursor.rowNumber());
      assertEquals(-1, cursor.rowCount());
      assertEquals(1, cursor.fetchOne().getInt("n"));
      assertEquals(1, serverRow(conn, "fetches"));
      assertEquals(List.of(2, 3, 4), cursor.fetchMany(3).stream().map(r -> r.getInt(0)).toList());
      assertEquals(4, serverRow(conn, "fetches"));
      assertEquals(List.of(), cursor.fetchMany(0));
      assertEquals(4, cursor.rowNumber());
      assertEquals(38, cursor.fetchAll().size());
      assertEquals(42, cursor.rowNumber());
      assertEquals(38, cursor.rowCount());
      assertNull(cursor.fetchOne());
      assertEquals(List.of(), cursor.fetchAll());
      assertFalse(cursor.nextSet());
      tx.commit();
    }
  }

  @Test
  void parametersAreBoundPositionallyAndByName(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<String> cursor = conn.cursor("bound", RowFactories.scalar(String.class))) {
      String hostile = "x'); DROP TABLE nothing; --";
      cursor.execute("SELECT $1::text || g FROM generate_series(1, 2) g", hostile);
      assertEquals(List.of(hostile + "1", hostile + "2"), cursor.fetchAll());
      cursor.execute("SELECT :word::text", Map.of("word", "named"));
      assertEquals("named", cursor.fetchOne());
      tx.commit();
    }
  }

  @Test
  void aCursorWithoutHoldInAutocommitModeIsRefusedNamingTheRemedies(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("nohold");
    NoActiveSqlTransaction error =
        assertThrows(NoActiveSqlTransaction.class, () -> cursor.execute("SELECT 1"));
    assertTrue(error.getMessage().contains("withHold(true)"), error.getMessage());
    assertTrue(error.getMessage().contains("connection.transaction()"), error.getMessage());
    assertTrue(cursor.closed());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void aCursorWithHoldSurvivesTheCommitAndCloseRemovesIt(Connection conn) {
    ServerCursor<Integer> cursor =
        conn.cursor("held", RowFactories.scalar(Integer.class)).withHold(true);
    try (Transaction tx = conn.transaction()) {
      cursor.execute("SELECT g FROM generate_series(1, 5) g");
      assertEquals(1, cursor.fetchOne());
      tx.commit();
    }
    assertEquals(List.of(2, 3), cursor.fetchMany(2));
    assertEquals(1, cursorsNamed(conn, "held"));
    cursor.close();
    assertTrue(cursor.closed());
    assertEquals(0, cursorsNamed(conn, "held"));
    cursor.close();
    assertThrows(InterfaceError.class, cursor::fetchOne);
  }

  @Test
  void aCursorWithHoldCanBeDeclaredInAutocommitMode(Connection conn) {
    try (ServerCursor<Integer> cursor =
        conn.cursor("autoheld", RowFactories.scalar(Integer.class)).withHold(true)) {
      assertTrue(conn.autocommit());
      cursor.itersize(4).execute("SELECT g FROM generate_series(1, $1::int) g", 9);
      assertEquals(45, cursor.stream().mapToInt(Integer::intValue).sum());
    }
    assertEquals(0, cursorsNamed(conn, "autoheld"));
  }

  @Test
  void withAutocommitOffTheCursorLivesInTheImplicitTransactionUntilCommit(Connection conn) {
    conn.setAutocommit(false);
    ServerCursor<Integer> cursor = conn.cursor("implicit", RowFactories.scalar(Integer.class));
    cursor.execute("SELECT g FROM generate_series(1, 3) g");
    assertEquals(1, cursor.fetchOne());
    conn.commit();
    InvalidCursorName gone = assertThrows(InvalidCursorName.class, cursor::fetchOne);
    assertTrue(gone.getMessage().contains("withHold(true)"), gone.getMessage());
    assertTrue(cursor.closed());
    cursor.close();
    // Nothing was sent for the dead cursor: the transaction the next statement opens is sound.
    assertEquals(0, cursorsNamed(conn, "implicit"));
    conn.commit();
    conn.setAutocommit(true);
  }

  @Test
  void closeAfterCommitSendsNothingIntoTheTransactionBegunSince(Connection conn) {
    conn.setAutocommit(false);
    ServerCursor<Row> cursor = conn.cursor("stale");
    cursor.execute("SELECT 1");
    conn.commit();
    // A new implicit transaction, as another thread sharing the connection might begin.
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    cursor.close();
    // A CLOSE of the gone cursor would have failed and aborted this transaction.
    assertEquals(2, conn.execute("SELECT 2").fetchOne().getInt(0));
    conn.commit();
    conn.setAutocommit(true);
  }

  @Test
  void closeAfterTheTransactionEndedSendsNothingAndRaisesNothing(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("ended");
    try (Transaction tx = conn.transaction()) {
      cursor.execute("SELECT 1");
      tx.commit();
    }
    cursor.close();
    assertTrue(cursor.closed());
    assertEquals(0, cursorsNamed(conn, "ended"));
  }

  @Test
  void closeInsideTheTransactionClosesItOnTheServer(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      ServerCursor<Row> cursor = conn.cursor("inside");
      cursor.execute("SELECT 1");
      assertEquals(1, cursorsNamed(conn, "inside"));
      cursor.close();
      assertEquals(0, cursorsNamed(conn, "inside"));
      tx.commit();
    }
  }

  @Test
  void executeAgainClosesThePreviousDeclaration(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Row> cursor = conn.cursor("again")) {
      cursor.execute("SELECT 1 AS one");
      cursor.execute("SELECT 'a'::text AS letter, 2 AS two");
      assertEquals(
          List.of("letter", "two"), cursor.description().stream().map(c -> c.name()).toList());
      Row row = cursor.fetchOne();
      assertEquals("a", row.getString(0));
      assertEquals(1, cursorsNamed(conn, "again"));
      tx.commit();
    }
  }

  @Test
  void scrollMovesBothWaysRelativeAndAbsolute(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Integer> cursor =
            conn.cursor("scroller", RowFactories.scalar(Integer.class)).scrollable(true)) {
      cursor.execute("SELECT g FROM generate_series(0, 9) g");
      cursor.scroll(2);
      assertEquals(2, cursor.rowNumber());
      assertEquals(2, cursor.fetchOne());
      cursor.scroll(2, ServerCursor.Scroll.RELATIVE);
      assertEquals(5, cursor.rowNumber());
      assertEquals(5, cursor.fetchOne());
      cursor.scroll(-3);
      assertEquals(3, cursor.rowNumber());
      assertEquals(3, cursor.fetchOne());
      cursor.scroll(9, ServerCursor.Scroll.ABSOLUTE);
      assertEquals(9, cursor.rowNumber());
      assertEquals(9, cursor.fetchOne());
      assertNull(cursor.fetchOne());
      cursor.scroll(0, ServerCursor.Scroll.ABSOLUTE);
      assertEquals(0, cursor.rowNumber());
      assertEquals(List.of(0, 1, 2), cursor.fetchMany(3));
      for (int i = 2; i >= 0; i--) {
        cursor.scroll(-1);
        assertEquals(i, cursor.fetchOne());
        cursor.scroll(-1);
      }
      assertEquals(Boolean.TRUE, cursor.scrollable());
      tx.commit();
    }
  }

  @Test
  void scrollingBackANoScrollCursorRaisesTheServersErrorAndTheConnectionStaysUsable(
      Connection conn) {
    ServerCursor<Integer> cursor =
        conn.cursor("forward", RowFactories.scalar(Integer.class)).scrollable(false);
    try (Transaction tx = conn.transaction()) {
      cursor.execute("SELECT g FROM generate_series(0, 5) g");
      cursor.scroll(5);
      assertEquals(5, cursor.fetchOne());
      assertThrows(ObjectNotInPrerequisiteState.class, () -> cursor.scroll(-1));
      assertTrue(cursor.closed());
    }
    assertEquals(0, cursorsNamed(conn, "forward"));
    assertEquals(7, conn.execute("SELECT 7").fetchOne().getInt(0));
  }

  @Test
  void aHeldCursorWhoseMoveFailedIsClosedOnTheServer(Connection conn) {
    ServerCursor<Integer> cursor =
        conn.cursor("heldforward", RowFactories.scalar(Integer.class))
            .scrollable(false)
            .withHold(true);
    cursor.execute("SELECT g FROM generate_series(0, 5) g");
    assertEquals(0, cursor.fetchOne());
    assertThrows(ObjectNotInPrerequisiteState.class, () -> cursor.scroll(-1));
    InterfaceError closed = assertThrows(InterfaceError.class, cursor::fetchOne);
    assertInstanceOf(ObjectNotInPrerequisiteState.class, closed.getCause());
    assertEquals(0, cursorsNamed(conn, "heldforward"), "the failed portal was left on the server");
  }

  @Test
  void anErrorPartWayThroughTheRowsClosesTheCursorAfterTheRowsBeforeIt(Connection conn) {
    ServerCursor<Integer> cursor = conn.cursor("midway", RowFactories.scalar(Integer.class));
    List<Integer> seen = new ArrayList<>();
    try (Transaction tx = conn.transaction()) {
      cursor.itersize(2).execute("SELECT 10 / (5 - g) FROM generate_series(1, 8) g");
      assertThrows(
          DivisionByZero.class,
          () -> {
            for (Integer value : cursor) {
              seen.add(value);
            }
          });
      assertTrue(cursor.closed());
      assertThrows(InterfaceError.class, cursor::fetchOne);
    }
    assertEquals(List.of(2, 3, 5, 10), seen);
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void aRollbackEndsTheCursorAndTheNextFetchSaysSo(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("rolledback");
    try (Transaction tx = conn.transaction()) {
      cursor.execute("SELECT g FROM generate_series(1, 3) g");
      assertEquals(1, cursor.fetchOne().getInt(0));
      tx.rollback();
    }
    InvalidCursorName error = assertThrows(InvalidCursorName.class, cursor::fetchOne);
    assertTrue(error.getMessage().contains("rolledback"), error.getMessage());
    assertTrue(cursor.closed());
    cursor.close();
    assertEquals(2, conn.execute("SELECT 2").fetchOne().getInt(0));
  }

  @Test
  void aBadQueryRaisesTheServersErrorAndClosesTheCursor(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      ServerCursor<Row> cursor = conn.cursor("bad");
      assertThrows(SyntaxError.class, () -> cursor.execute("SELEC 1"));
      assertTrue(cursor.closed());
      InterfaceError closed = assertThrows(InterfaceError.class, () -> cursor.execute("SELECT 1"));
      assertInstanceOf(SyntaxError.class, closed.getCause());
    }
    ServerCursor<Row> scripted = conn.cursor("script").withHold(true);
    assertThrows(ProgrammingError.class, () -> scripted.execute("SELECT 1; SELECT 2"));
    assertEquals(3, conn.execute("SELECT 3").fetchOne().getInt(0));
  }

  @Test
  void theDeclaringQuerysTimeoutAppliesToEachFetch(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("slow");
    try (Transaction tx = conn.transaction()) {
      // DECLARE runs nothing yet; the FETCH that runs pg_sleep is the one cancelled.
      cursor.execute(
          Query.of("SELECT pg_sleep(5) FROM generate_series(1, 3)")
              .withTimeout(Duration.ofMillis(200)));
      long started = System.nanoTime();
      assertThrows(QueryCanceled.class, cursor::fetchOne);
      assertTrue(System.nanoTime() - started < Duration.ofSeconds(4).toNanos());
      assertTrue(cursor.closed());
    }
    assertEquals(4, conn.execute("SELECT 4").fetchOne().getInt(0));
  }

  @Test
  void executeManyIsNotSupported(Connection conn) {
    ServerCursor<Row> cursor = conn.cursor("many");
    assertThrows(
        NotSupportedError.class, () -> cursor.executeMany("SELECT $1", List.of(new Object[] {1})));
  }

  @Test
  void namesAreQuotedAsIdentifiersSoAnyTextIsANameAndNothingIsInjected(Connection conn) {
    conn.execute("CREATE TABLE victim (id int)");
    List<String> names =
        List.of(
            "my cursor",
            "Mixed Case",
            "with \"quotes\"",
            "1-2-3",
            "x\" CURSOR FOR SELECT 1; DROP TABLE victim; --",
            "select");
    try (Transaction tx = conn.transaction()) {
      // Declared (SCROLL) and read through a portal of the same name: CLOSE finds both.
      for (Boolean scrollable : new Boolean[] {true, null}) {
        for (String name : names) {
          try (ServerCursor<Integer> cursor =
              conn.cursor(name, RowFactories.scalar(Integer.class)).scrollable(scrollable)) {
            cursor.execute("SELECT g FROM generate_series(1, 3) g");
            assertEquals(name, cursor.name());
            assertEquals(1, cursorsNamed(conn, name), name);
            assertEquals(List.of(1), cursor.fetchMany(1));
            cursor.scroll(1);
            assertEquals(List.of(3), cursor.fetchAll());
          }
          assertEquals(0, cursorsNamed(conn, name), name);
        }
      }
      tx.commit();
    }
    assertEquals(0, conn.execute("SELECT count(*) FROM victim").fetchOne().getLong(0));
    assertThrows(ProgrammingError.class, () -> conn.cursor(""));
  }

  @Test
  void fetchesAskForBinaryForTheDeclaredColumnsFromTheFirstFetch(Connection conn) {
    conn.types().register(FormatProbe.INSTANCE);
    try (Transaction tx = conn.transaction();
        ServerCursor<String> cursor = conn.cursor("formats", RowFactories.scalar(String.class))) {
      cursor.execute("SELECT g FROM generate_series(1, 3) g");
      assertEquals(List.of("binary", "binary", "binary"), cursor.fetchAll());
      tx.commit();
    }
  }
}
