package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A row the caller keeps stays whole and correct whatever happens after it was read: the cursor
 * moves on (the stream's batches are reused for later rows), the stream is abandoned, the
 * connection serves other statements. Each row is one object around its own DataRow body, so
 * nothing a later read does can reach it; these tests check that with every kind of value the
 * streaming path carries: NULLs, numeric NaN, infinite timestamps, and values larger than the
 * reader's 64 KiB buffer, in text (a statement's first run) and in binary (its second).
 */
@TuskTest
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class KeptRowsTest {

  /** More rows than a streaming cursor buffers (1,000), so the result streams in many batches. */
  private static final int ROWS = 4_000;

  private static final String WIDE =
      "SELECT g::int8 AS id, 'label-' || g AS label,"
          + " CASE WHEN g % 7 = 0 THEN NULL WHEN g % 11 = 0 THEN 'NaN'::numeric"
          + " ELSE g * 1.25 END AS amount,"
          + " CASE WHEN g % 13 = 0 THEN 'infinity'::timestamptz"
          + " ELSE timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' END AS at,"
          + " md5(g::text)::uuid AS uid,"
          + " CASE WHEN g % 500 = 0 THEN repeat(chr(65 + g % 26), 70000 + g) END AS big"
          + " FROM generate_series(1, "
          + ROWS
          + ") g";

  @Test
  void rowsKeptFromAStreamStayCorrectAfterTheCursorMovedOnAndOtherStatementsRan(Connection conn) {
    List<Row> kept = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (Cursor<Row> cursor = conn.execute(WIDE)) {
        assertEquals(-1, cursor.rowCount(), "the result streams");
        for (Row row : cursor) {
          kept.add(row);
        }
      }
    }
    servePlenty(conn);
    assertEquals(2 * ROWS, kept.size());
    for (int i = 0; i < kept.size(); i++) {
      // Half the rows are read back to front, which finds the columns another way.
      check(kept.get(i), i % ROWS + 1, i % 2 == 0);
    }
  }

  @Test
  void rowsKeptFromAnAbandonedStreamStayCorrect(Connection conn) {
    List<Row> kept = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (Cursor<Row> cursor = conn.execute(WIDE)) {
        for (Row row : cursor) {
          kept.add(row);
          if (kept.size() % 1_500 == 0) {
            break;
          }
        }
      }
      // The rest arrives and is dropped while the next statements run.
      assertEquals(3, conn.execute("SELECT 3").fetchOne().getInt(0));
    }
    servePlenty(conn);
    assertEquals(3_000, kept.size());
    for (int i = 0; i < kept.size(); i++) {
      check(kept.get(i), i % 1_500 + 1, i % 3 == 0);
    }
  }

  @Test
  void rowsKeptThroughEveryWayOfFetchingStayCorrect(Connection conn) {
    conn.execute(WIDE).fetchAll(); // a first run: text; the rows below come in binary
    Cursor<Row> cursor = conn.execute(WIDE);
    List<Row> kept = new ArrayList<>();
    kept.add(cursor.fetchOne());
    kept.addAll(cursor.fetchMany(1_200));
    kept.addAll(cursor.stream().limit(1_000).toList());
    kept.addAll(cursor.fetchAll());
    servePlenty(conn);
    assertEquals(ROWS, kept.size());
    for (int i = 0; i < ROWS; i++) {
      check(kept.get(i), i + 1, i % 2 == 1);
    }
  }

  @Test
  void rowsKeptFromAServerCursorStayCorrectAfterItsTransaction(Connection conn) {
    List<Row> kept = new ArrayList<>();
    try (Transaction transaction = conn.transaction();
        ServerCursor<Row> cursor = conn.cursor("kept_rows").itersize(300)) {
      cursor.execute(WIDE);
      for (Row row : cursor) {
        kept.add(row);
      }
      transaction.commit();
    }
    servePlenty(conn);
    assertEquals(ROWS, kept.size());
    for (int i = 0; i < ROWS; i++) {
      check(kept.get(i), i + 1, i % 2 == 0);
    }
  }

  /** Other statements on the connection: a whole other stream and a few small results. */
  private static void servePlenty(Connection conn) {
    long sum = 0;
    try (Cursor<Row> other =
        conn.execute("SELECT g, repeat('z', g % 300) FROM generate_series(1, 20000) g")) {
      for (Row row : other) {
        sum += row.getLong(0) + row.getString(1).length();
      }
    }
    assertTrue(sum > 0);
    for (int i = 0; i < 5; i++) {
      assertEquals(i, conn.execute("SELECT $1::int4", i).fetchOne().getInt(0));
    }
  }

  /** Checks every value of the row made for {@code g}, reading its columns in either order. */
  private static void check(Row row, long g, boolean backwards) {
    int columns = row.size();
    assertEquals(6, columns);
    for (int step = 0; step < columns; step++) {
      int column = backwards ? columns - 1 - step : step;
      String where = "row " + g + ", column " + column;
      switch (column) {
        case 0 -> assertEquals(g, row.getLong(0), where);
        case 1 -> assertEquals("label-" + g, row.getString(1), where);
        case 2 -> {
          if (g % 7 == 0) {
            assertTrue(row.isNull(2), where);
          } else if (g % 11 == 0) {
            assertEquals("NaN", row.get(2, String.class), where);
          } else {
            assertEquals(
                0,
                BigDecimal.valueOf(g)
                    .multiply(new BigDecimal("1.25"))
                    .compareTo(row.getBigDecimal(2)),
                where);
          }
        }
        case 3 -> {
          if (g % 13 == 0) {
            assertEquals("infinity", row.get(3, String.class), where);
          } else {
            assertEquals(
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(g),
                row.getOffsetDateTime(3).toInstant(),
                where);
          }
        }
        case 4 -> assertEquals(md5Uuid(g), row.getUuid(4), where);
        case 5 -> {
          if (g % 500 == 0) {
            String big = row.getString(5);
            assertEquals(70_000 + g, big.length(), where);
            char letter = (char) ('A' + g % 26);
            assertEquals(letter, big.charAt(0), where);
            assertEquals(letter, big.charAt(big.length() - 1), where);
          } else {
            assertNull(row.get(5), where);
          }
        }
        default -> throw new AssertionError(where);
      }
    }
  }

  private static UUID md5Uuid(long g) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest(Long.toString(g).getBytes(StandardCharsets.US_ASCII));
      ByteBuffer bytes = ByteBuffer.wrap(digest);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
