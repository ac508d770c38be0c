package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Rows a row maker reads and does not keep share the reader's chunks, which are reused once every
 * row in them has been read (see {@code RowChunks}). Nothing may ever read a reused chunk as its
 * own: these tests read many chunks' worth of rows, on one connection shared by many callers, from
 * abandoned streams and a server cursor, and check every value; and a maker that keeps the row it
 * was given gets a clear error when it reads it later, not another row's bytes.
 */
@TuskTest
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class MadeRowsTest {

  private static final int ROWS = 5_000;

  /** Rows of varying width, a few larger than a chunk holds (they get arrays of their own). */
  private static final String ROWS_SQL =
      "SELECT g::int8 AS id, repeat(chr(65 + g % 26), g % 97) AS label,"
          + " CASE WHEN g % 7 = 0 THEN NULL ELSE g * 0.5 END AS half,"
          + " CASE WHEN g % 1000 = 0 THEN repeat('x', 5000) END AS big"
          + " FROM generate_series(1, $1::int) g";

  private record Made(long id, String label, Double half, String big) {}

  private static final RowFactory<Made> MADE =
      columns ->
          row ->
              new Made(
                  row.getLong(0),
                  row.getString(1),
                  row.isNull(2) ? null : row.getDouble(2),
                  row.getString(3));

  private static void check(Made made, long id) {
    assertEquals(id, made.id());
    assertEquals(String.valueOf((char) (65 + id % 26)).repeat((int) (id % 97)), made.label());
    assertEquals(id % 7 == 0 ? null : id * 0.5, made.half());
    assertEquals(id % 1000 == 0 ? "x".repeat(5000) : null, made.big());
  }

  private static int readAll(Connection conn, int rows) {
    int read = 0;
    try (Cursor<Made> cursor = conn.cursor(MADE).execute(ROWS_SQL, rows)) {
      for (Made made : cursor) {
        check(made, ++read);
      }
    }
    return read;
  }

  @Test
  void everyValueIsRightWhenManyCallersShareTheConnection(Connection conn) throws Exception {
    List<Callable<Integer>> callers = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      int rows = 500 + i * 97;
      callers.add(
          () -> {
            int read = 0;
            for (int run = 0; run < 3; run++) {
              read += readAll(conn, rows);
            }
            return read;
          });
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> done = threads.invokeAll(callers);
      for (int i = 0; i < done.size(); i++) {
        assertEquals(3 * (500 + i * 97), done.get(i).get());
      }
    }
  }

  @Test
  void streamsAbandonedHalfWayLeaveLaterRowsRight(Connection conn) {
    for (int run = 0; run < 5; run++) {
      try (Cursor<Made> cursor = conn.cursor(MADE).execute(ROWS_SQL, ROWS)) {
        int read = 0;
        for (Made made : cursor) {
          check(made, ++read);
          if (read == 1_234 * (run + 1)) {
            break;
          }
        }
      }
    }
    assertEquals(ROWS, readAll(conn, ROWS));
  }

  @Test
  void rowsKeptNextToMadeRowsStayRight(Connection conn) {
    List<Row> kept = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      try (Cursor<Row> cursor = conn.execute(ROWS_SQL, ROWS)) {
        for (Row row : cursor) {
          kept.add(row);
        }
      }
      assertEquals(ROWS, readAll(conn, ROWS));
    }
    for (int i = 0; i < kept.size(); i++) {
      Row row = kept.get(i);
      check(
          new Made(
              row.getLong(0),
              row.getString(1),
              row.isNull(2) ? null : row.getDouble(2),
              row.getString(3)),
          i % ROWS + 1);
    }
  }

  @Test
  void aServerCursorsMadeRowsAreRight(Connection conn) {
    try (Transaction tx = conn.transaction();
        ServerCursor<Made> cursor = conn.cursor("made_rows", MADE).itersize(700)) {
      cursor.execute(ROWS_SQL, ROWS);
      int read = 0;
      for (Made made : cursor) {
        check(made, ++read);
      }
      assertEquals(ROWS, read);
      tx.commit();
    }
  }

  @Test
  void aMakerReadingColumnsBackToFrontReadsTheRightValues(Connection conn) {
    RowFactory<Made> backwards =
        columns ->
            row -> {
              String big = row.getString("big");
              Double half = row.get("half", Double.class);
              String label = row.getString("label");
              return new Made(row.getLong("id"), label, half, big);
            };
    int read = 0;
    try (Cursor<Made> cursor = conn.cursor(backwards).execute(ROWS_SQL, ROWS)) {
      for (Made made : cursor) {
        check(made, ++read);
      }
    }
    assertEquals(ROWS, read);
  }

  @Test
  void aMakerReturningTheRowItselfKeepsIt(Connection conn) {
    List<Row> kept;
    try (Cursor<Row> cursor = conn.cursor(columns -> row -> row).execute(ROWS_SQL, ROWS)) {
      kept = cursor.fetchAll();
    }
    assertEquals(ROWS, readAll(conn, ROWS));
    for (int i = 0; i < kept.size(); i++) {
      assertEquals(i + 1, kept.get(i).getLong(0));
      assertEquals(i % 1000 == 999 ? "x".repeat(5000) : null, kept.get(i).getString(3));
    }
  }

  private record Holder(Row row) {}

  @Test
  void aMakerThatKeepsTheRowItWasGivenFailsClearlyWhenItIsReadLater(Connection conn) {
    List<Holder> holders;
    try (Cursor<Holder> cursor = conn.cursor(columns -> Holder::new).execute(ROWS_SQL, 10)) {
      holders = cursor.fetchAll();
    }
    assertEquals(10, holders.size());
    Row row = holders.get(3).row();
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> row.getLong(0));
    assertTrue(error.getMessage().contains("RowMaker must not keep the Row"), error.getMessage());
    assertThrows(ProgrammingError.class, () -> row.getString("label"));
    assertEquals(4, row.size(), "its columns are still known");
    assertTrue(row.toString().contains("ProgrammingError"), row.toString());
    assertEquals(ROWS, readAll(conn, ROWS), "the connection serves on");
  }
}
