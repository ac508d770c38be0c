package dev.tusk.it.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.errors.DataError;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.InvalidTextRepresentation;
import dev.tusk.errors.NotNullViolation;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.testing.TuskTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The COPY API's raw data both ways against the server: round trips, the server failing a COPY part
 * way (typed error, table unchanged, connection usable), aborting by close, a COPY refused before
 * it starts, and abandoning a COPY TO part way.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CopyTest {

  private static long count(Connection conn, String table) {
    return conn.execute("SELECT count(*) FROM " + table).fetchOne().getLong(0);
  }

  @Test
  void textRoundTripsThroughRawWritesAndChunks(Connection conn) {
    conn.execute("CREATE TABLE raw_round (id int, name text)");
    try (Copy copy = conn.cursor().copy("COPY raw_round FROM STDIN")) {
      assertTrue(copy.isWritable());
      assertFalse(copy.isBinary());
      copy.write("1\tone\n");
      copy.write("2\ttwo\n3\t".getBytes(StandardCharsets.UTF_8));
      copy.write(ByteBuffer.wrap("thr\\tee\n".getBytes(StandardCharsets.UTF_8)));
      ByteBuffer direct = ByteBuffer.allocateDirect(16);
      direct.put("4\t\\N\n".getBytes(StandardCharsets.UTF_8)).flip();
      copy.write(direct);
      assertEquals(-1, copy.rowCount());
      assertEquals(4, copy.finish());
      assertEquals(4, copy.rowCount());
    }
    assertEquals(
        "thr\tee", conn.execute("SELECT name FROM raw_round WHERE id = 3").fetchOne().getString(0));
    List<String> lines = new ArrayList<>();
    try (Copy copy = conn.cursor().copy("COPY (SELECT * FROM raw_round ORDER BY id) TO STDOUT")) {
      assertFalse(copy.isWritable());
      for (byte[] chunk : copy) {
        lines.add(new String(chunk, StandardCharsets.UTF_8));
      }
      assertNull(copy.read());
      assertEquals(4, copy.rowCount());
    }
    assertEquals(List.of("1\tone\n", "2\ttwo\n", "3\tthr\\tee\n", "4\t\\N\n"), lines);
  }

  @Test
  void largeStreamsRoundTripWithoutBeingHeldWhole(Connection conn) {
    conn.execute("CREATE TABLE raw_large (id int, filler text)");
    StringBuilder data = new StringBuilder();
    int rows = 20_000;
    for (int i = 1; i <= rows; i++) {
      data.append(i).append('\t').append("x".repeat(i % 50)).append('\n');
    }
    byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
    try (Copy copy = conn.cursor().copy("COPY raw_large FROM STDIN")) {
      assertEquals(bytes.length, copy.writeAll(new ByteArrayInputStream(bytes)));
      assertEquals(rows, copy.finish());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Copy copy = conn.cursor().copy("COPY (SELECT * FROM raw_large ORDER BY id) TO STDOUT")) {
      assertEquals(bytes.length, copy.transferTo(out));
    }
    assertArrayEquals(bytes, out.toByteArray());
    conn.execute("TRUNCATE raw_large");
    try (Copy copy = conn.cursor().copy("COPY raw_large FROM STDIN")) {
      assertEquals(data.length(), copy.writeAll(new StringReader(data.toString())));
      assertEquals(rows, copy.finish());
    }
    assertEquals(rows, count(conn, "raw_large"));
  }

  /** A reader that gives one character per call, so surrogate pairs arrive split. */
  private static Reader trickling(String text) {
    return new Reader() {
      private int next;

      @Override
      public int read(char[] buffer, int offset, int length) {
        if (next == text.length()) {
          return -1;
        }
        buffer[offset] = text.charAt(next++);
        return 1;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void readersAreEncodedAsUtf8EvenWhenTheySplitSurrogatePairs(Connection conn) {
    conn.execute("CREATE TABLE raw_utf8 (t text)");
    String text = "tusk \uD83D\uDC18 mammoth \uD83E\uDDA3\n";
    try (Copy copy = conn.cursor().copy("COPY raw_utf8 FROM STDIN")) {
      assertEquals(text.length(), copy.writeAll(trickling(text)));
      assertEquals(1, copy.finish());
    }
    assertEquals(text.strip(), conn.execute("SELECT t FROM raw_utf8").fetchOne().getString(0));
    try (Copy copy = conn.cursor().copy("COPY raw_utf8 FROM STDIN")) {
      assertThrows(DataError.class, () -> copy.writeAll(trickling("lone \uD83D\n")));
    }
    assertEquals(1, count(conn, "raw_utf8"));
  }

  @Test
  void aFailingRowMidStreamRaisesTheServersErrorAndCopiesNothing(Connection conn) {
    conn.execute("CREATE TABLE raw_failing (id int)");
    Copy copy = conn.cursor().copy("COPY raw_failing FROM STDIN");
    InvalidTextRepresentation error =
        assertThrows(
            InvalidTextRepresentation.class,
            () -> {
              for (int i = 0; i < 10_000; i++) {
                copy.write(i == 5_000 ? "five thousand\n" : i + "\n");
              }
              copy.finish();
            });
    assertEquals("22P02", error.sqlState());
    assertTrue(error.getMessage().contains("five thousand"), error.getMessage());
    // Already raised: close does not raise it again, and ends the COPY.
    copy.close();
    assertThrows(InterfaceError.class, () -> copy.write("1\n"));
    assertEquals(0, count(conn, "raw_failing"));
    assertEquals(2, conn.execute("SELECT 1 + 1").fetchOne().getInt(0));
  }

  @Test
  void aConstraintViolationAtFinishIsTyped(Connection conn) {
    conn.execute("CREATE TABLE raw_not_null (id int NOT NULL)");
    try (Copy copy = conn.cursor().copy("COPY raw_not_null FROM STDIN")) {
      copy.write("1\n\\N\n");
      assertThrows(NotNullViolation.class, copy::finish);
    }
    assertEquals(0, count(conn, "raw_not_null"));
  }

  @Test
  void closeWithoutFinishAbortsAndLeavesTheTableUnchanged(Connection conn) {
    conn.execute("CREATE TABLE raw_aborted (id int)");
    conn.execute("INSERT INTO raw_aborted VALUES (0)");
    try (Copy copy = conn.cursor().copy("COPY raw_aborted FROM STDIN")) {
      for (int i = 1; i <= 50_000; i++) {
        copy.write(i + "\n");
      }
    }
    assertEquals(1, count(conn, "raw_aborted"));
    assertEquals(3, conn.execute("SELECT 3").fetchOne().getInt(0));
  }

  @Test
  void aCopyTheServerRefusesFailsBeforeAnyDataIsSent(Connection conn) {
    UndefinedTable error =
        assertThrows(UndefinedTable.class, () -> conn.cursor().copy("COPY no_such FROM STDIN"));
    assertEquals("42P01", error.sqlState());
    assertThrows(UndefinedTable.class, () -> conn.cursor().copy("COPY no_such TO STDOUT"));
    assertEquals(4, conn.execute("SELECT 4").fetchOne().getInt(0));
  }

  @Test
  void aStatementThatIsNotACopyIsRefusedAndScriptsAreRefusedUnsent(Connection conn) {
    ProgrammingError notCopy =
        assertThrows(ProgrammingError.class, () -> conn.cursor().copy("SELECT 1"));
    assertTrue(notCopy.getMessage().contains("without starting a COPY"), notCopy.getMessage());
    ProgrammingError script =
        assertThrows(
            ProgrammingError.class, () -> conn.cursor().copy("SELECT 1; COPY x FROM STDIN"));
    assertTrue(script.getMessage().contains("holds several"), script.getMessage());
    assertEquals(5, conn.execute("SELECT 5").fetchOne().getInt(0));
  }

  @Test
  void anAbandonedCopyOutLeavesTheConnectionUsable(Connection conn) {
    Cursor<Row> cursor = conn.cursor();
    try (Copy copy =
        cursor.copy(
            "COPY (SELECT g, repeat('x', 100) FROM generate_series(1, 300000) g) TO STDOUT")) {
      assertEquals("1\t" + "x".repeat(100) + "\n", new String(copy.read(), StandardCharsets.UTF_8));
    }
    assertEquals(6, conn.execute("SELECT 6").fetchOne().getInt(0));
    // finish() on a COPY TO drops the rest the same way, and reports the server's count.
    try (Copy copy = cursor.copy("COPY (SELECT g FROM generate_series(1, 100000) g) TO STDOUT")) {
      copy.read();
      assertEquals(100_000, copy.finish());
    }
    assertEquals(7, conn.execute("SELECT 7").fetchOne().getInt(0));
  }

  @Test
  void aCopyOutsConsumerMayRunStatementsBeforeItsEnd(Connection conn) {
    try (Copy copy =
        conn.cursor().copy("COPY (SELECT g FROM generate_series(1, 50000) g) TO STDOUT")) {
      assertEquals("1\n", new String(copy.read(), StandardCharsets.UTF_8));
      // The rest of the COPY is collected for this thread rather than waited for.
      assertEquals(8, conn.execute("SELECT 8").fetchOne().getInt(0));
      int rows = 1;
      while (copy.read() != null) {
        rows++;
      }
      assertEquals(50_000, rows);
    }
  }

  @Test
  void theCopyInOwnerCannotRunAStatementBeforeItsEnd(Connection conn) {
    conn.execute("CREATE TABLE raw_owner (id int)");
    try (Copy copy = conn.cursor().copy("COPY raw_owner FROM STDIN")) {
      copy.write("1\n");
      ProgrammingError error = assertThrows(ProgrammingError.class, () -> conn.execute("SELECT 1"));
      assertTrue(error.getMessage().contains("finish() or close()"), error.getMessage());
      copy.write("2\n");
      assertEquals(2, copy.finish());
    }
    assertEquals(2, count(conn, "raw_owner"));
  }

  @Test
  void writingToACopyOutAndReadingACopyInAreRefused(Connection conn) {
    conn.execute("CREATE TABLE raw_direction (id int)");
    try (Copy copy = conn.cursor().copy("COPY raw_direction TO STDOUT")) {
      assertThrows(ProgrammingError.class, () -> copy.write("1\n"));
    }
    try (Copy copy = conn.cursor().copy("COPY raw_direction FROM STDIN")) {
      assertThrows(ProgrammingError.class, copy::read);
      assertEquals(0, copy.finish());
    }
  }

  @Test
  void aTimeoutCancelsACopyThatWaitsForALock(Connection conn, dev.tusk.testing.TestSchema schema)
      throws Exception {
    conn.execute("CREATE TABLE raw_locked (id int)");
    try (Connection other = dev.tusk.Tusk.connect(schema.conninfo() + " query_timeout=0.3");
        dev.tusk.Transaction tx = conn.transaction()) {
      conn.execute("LOCK TABLE raw_locked IN ACCESS EXCLUSIVE MODE");
      long started = System.nanoTime();
      assertThrows(QueryCanceled.class, () -> other.cursor().copy("COPY raw_locked FROM STDIN"));
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
      assertEquals(9, other.execute("SELECT 9").fetchOne().getInt(0));
    }
  }
}
