package dev.tusk.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Row;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.DataRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows the reader places in shared chunks, read as a row maker's (released after the call) or kept
 * by the caller (moved to a copy of their own); see {@code RowChunks} and {@link ResultRow#make}.
 */
class ChunkedRowsTest {

  private static final ResultColumns COLUMNS =
      ResultColumns.of(ResultRowTest.COLUMNS, TypeScope.builtins());

  /** Rows 0..count-1 as the server sends them: id, name "row-i", NULL, n = i, id again. */
  private static List<DataRow> read(int count) throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      byte[] body =
          DataRow.of(
                  new byte[] {0, 0, (byte) (i >> 8), (byte) i},
                  ResultRowTest.text("row-" + i),
                  null,
                  ResultRowTest.text(Integer.toString(i)),
                  ResultRowTest.text(Integer.toString(i)))
              .bytes();
      wire.write('D');
      wire.write(new byte[] {0, 0, (byte) ((body.length + 4) >> 8), (byte) (body.length + 4)});
      wire.write(body);
    }
    BackendMessageReader reader =
        new BackendMessageReader(
            new ByteArrayInputStream(wire.toByteArray()), 1 << 20, ResultRow.MAKER);
    List<DataRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add((DataRow) reader.read());
    }
    return rows;
  }

  private static void check(Row row, int i) {
    assertEquals(i, row.getInt(0));
    assertEquals("row-" + i, row.getString(1));
    assertNull(row.get(2));
    assertEquals(i, row.getInt(3));
    assertEquals((long) i, row.get(4));
  }

  @Test
  void smallRowsShareAChunkAndReadRightInAnyOrder() throws IOException {
    List<DataRow> rows = read(50);
    assertSame(rows.get(0).bytes(), rows.get(49).bytes(), "one chunk holds them all");
    assertTrue(rows.get(1).start() > rows.get(0).start());
    for (int i = 0; i < rows.size(); i++) {
      ResultRow row = ResultRow.of(rows.get(i), COLUMNS);
      assertEquals("row-" + i, row.getString(1));
      assertEquals(i, row.getInt(0), "read again, out of order");
      check(row, i);
    }
  }

  @Test
  void aRowTheMakerReturnsMovesToACopyOfItsOwn() throws IOException {
    List<DataRow> rows = read(3);
    byte[] chunk = rows.get(1).bytes();
    Row kept = ResultRow.make(row -> row, rows.get(1), COLUMNS);
    assertSame(rows.get(1), kept);
    assertNotSame(chunk, ((DataRow) kept).bytes());
    assertEquals(0, ((DataRow) kept).start());
    assertEquals(((DataRow) kept).bytes().length, ((DataRow) kept).length());
    check(kept, 1);
  }

  @Test
  void aRowAMakerReadsIsReleasedAndFailsIfReadLater() throws IOException {
    List<DataRow> rows = read(3);
    Row[] given = new Row[1];
    String made =
        ResultRow.make(
            row -> {
              given[0] = row;
              return row.getString(1);
            },
            rows.get(2),
            COLUMNS);
    assertEquals("row-2", made);
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> given[0].getInt(0));
    assertTrue(error.getMessage().contains("RowMaker must not keep the Row"), error.getMessage());
    assertEquals(5, given[0].size(), "its columns are still known");
    check(ResultRow.of(rows.get(0), COLUMNS), 0);
  }
}
