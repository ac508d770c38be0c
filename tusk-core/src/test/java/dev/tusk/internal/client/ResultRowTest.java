package dev.tusk.internal.client;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Column;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.ProtocolViolationException;
import dev.tusk.internal.protocol.RowDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row read lazily from one DataRow under its RowDescription. */
class ResultRowTest {

  /** id: int4 in binary; name: text; note: text, NULL; n: int4 in text; id again: int8. */
  static final RowDescription COLUMNS =
      description(
          field("id", 23, 1),
          field("name", 25, 0),
          field("note", 25, 0),
          field("n", 23, 0),
          field("id", 20, 0));

  static ResultRow row() {
    return new ResultRow(
        ResultColumns.of(COLUMNS, TypeScope.builtins()),
        DataRow.of(
            new byte[] {0, 1, (byte) 0x86, (byte) 0xA0}, text("ann"), null, text("7"), text("9")));
  }

  static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private final ResultRow row = row();

  @Test
  void valuesDecodeToTheirNaturalTypesInEitherFormat() {
    assertEquals(100_000, row.get(0));
    assertEquals("ann", row.get(1));
    assertNull(row.get(2));
    assertEquals(7, row.get(3));
    assertEquals(9L, row.get(4));
  }

  @Test
  void valuesConvertToTheTypeAskedFor() {
    assertEquals(100_000L, row.get(0, Long.class));
    assertEquals("100000", row.get(0, String.class));
    assertEquals(7L, row.get("n", Long.class));
    assertNull(row.get(2, Integer.class));
    assertEquals(100_000, row.getInt(0));
  }

  @Test
  void namesFindTheFirstColumnOfThatName() {
    assertEquals(0, row.indexOf("id"));
    assertEquals(100_000, row.get("id"));
    assertEquals(List.of("id", "name", "note", "n", "id"), row.columnNames());
  }

  @Test
  void columnsReadInAnyOrderFindTheirOwnValues() {
    List<Object> expected = java.util.Arrays.asList(100_000, "ann", null, 7, 9L);
    int[][] orders = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 4, 0, 3, 1}, {3, 3, 1, 1, 4, 0, 0}};
    for (int[] order : orders) {
      ResultRow fresh = row();
      for (int index : order) {
        assertEquals(expected.get(index), fresh.get(index), "column " + index);
      }
    }
  }

  @Test
  void threadsSharingARowReadItsValuesRight() throws Exception {
    List<Object> expected = java.util.Arrays.asList(100_000, "ann", null, 7, 9L);
    for (int round = 0; round < 200; round++) {
      ResultRow shared = row();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<Thread> readers = new java.util.ArrayList<>();
      java.util.Queue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        readers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        start.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                      for (int i = 0; i < 5; i++) {
                        int index = (first + i) % 5;
                        Object value = shared.get(index);
                        if (!java.util.Objects.equals(expected.get(index), value)) {
                          wrong.add(index + " read " + value);
                        }
                      }
                    }));
      }
      start.countDown();
      for (Thread reader : readers) {
        reader.join();
      }
      assertEquals(List.of(), List.copyOf(wrong));
    }
  }

  @Test
  void isNullSeesOnlyNulls() {
    assertTrue(row.isNull(2));
    assertFalse(row.isNull(0));
    assertFalse(row.isNull(1));
  }

  @Test
  void columnsDescribeTheResult() {
    assertEquals(5, row.size());
    assertEquals(new Column("id", 23, "int4", -1, 0, 0), row.columns().get(0));
    assertEquals("text", row.columns().get(1).typeName());
    assertEquals("int8", row.columns().get(4).typeName());
  }

  @Test
  void anIndexOutOfRangeNamesTheRowsSize() {
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> row.get(5));
    assertEquals("column index 5 is out of range: the row has 5 columns", error.getMessage());
    assertThrows(ProgrammingError.class, () -> row.isNull(-1));
  }

  @Test
  void anUnknownNameListsTheColumns() {
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> row.get("nme"));
    assertEquals(
        "no column named \"nme\"; the columns are [id, name, note, n, id]", error.getMessage());
  }

  @Test
  void aValueThatDoesNotFitIsADataErrorNamingTheColumn() {
    DataError error = assertThrows(DataError.class, () -> row.get(0, Short.class));
    assertTrue(error.getMessage().startsWith("column 0 (\"id\", int4): "), error.getMessage());
  }

  @Test
  void aConversionThatNeverWorksIsAProgrammingErrorNamingTheColumn() {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> row.get(1, java.util.UUID.class));
    assertTrue(error.getMessage().startsWith("column 1 (\"name\", text): "), error.getMessage());
  }

  @Test
  void aNullReadAsAPrimitiveIsAnError() {
    DataError error = assertThrows(DataError.class, () -> row.getInt(2));
    assertTrue(error.getMessage().contains("NULL"), error.getMessage());
  }

  @Test
  void toStringShowsAValueThatCannotBeDecodedInsteadOfFailing() {
    ResultRow broken =
        new ResultRow(
            ResultColumns.of(description(field("n", 23, 0)), TypeScope.builtins()),
            DataRow.of(text("not a number")));
    assertEquals("Row{n=<DataError>}", broken.toString());
  }

  @Test
  void toStringShowsEveryColumnByName() {
    assertEquals("Row{id=100000, name=ann, note=null, n=7, id=9}", row.toString());
  }

  /** int2, int4, int8 and float8 in binary, then the same types in text, then a NULL int8. */
  private static ResultRow primitives() {
    return new ResultRow(
        ResultColumns.of(
            description(
                field("s", 21, 1),
                field("i", 23, 1),
                field("l", 20, 1),
                field("d", 701, 1),
                field("lt", 20, 0),
                field("dt", 701, 0),
                field("nothing", 20, 1)),
            TypeScope.builtins()),
        DataRow.of(
            new byte[] {(byte) 0xff, (byte) 0xfe},
            new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 1},
            java.nio.ByteBuffer.allocate(8).putDouble(-2.5).array(),
            text("-42"),
            text("1.25"),
            null));
  }

  @Test
  void primitiveGettersReadBinaryValuesDirectlyAndAgreeWithTheGeneralPath() {
    ResultRow row = primitives();
    assertEquals(-2, row.getInt(0));
    assertEquals(-2L, row.getLong(0));
    assertEquals(Integer.MAX_VALUE, row.getInt(1));
    assertEquals((long) Integer.MAX_VALUE, row.getLong(1));
    assertEquals(Long.MIN_VALUE + 1, row.getLong(2));
    assertEquals(-2.5, row.getDouble(3));
    assertEquals(row.get(2, Long.class), row.getLong(2));
    assertEquals(row.get(3, Double.class), row.getDouble(3));
  }

  @Test
  void primitiveGettersFallBackForTextNullsAndNarrowing() {
    ResultRow row = primitives();
    assertEquals(-42L, row.getLong(4));
    assertEquals(-42, row.getInt(4));
    assertEquals(1.25, row.getDouble(5));
    assertEquals(-2.0, row.getDouble(0), "int2 widens to double through the general path");
    assertThrows(DataError.class, () -> row.getInt(2), "int8 out of int range");
    assertThrows(DataError.class, () -> row.getLong(6), "NULL");
    assertThrows(ProgrammingError.class, () -> row.getLong(7), "out of range");
  }

  /** The body of {@link #row()}, as the session's reader would make it: unbound. */
  private static ResultRow madeByTheReader() {
    try {
      return (ResultRow) DataRow.wrap(row().bytes(), ResultRow.MAKER);
    } catch (ProtocolViolationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRowTheReaderMadeIsTheRowHandedOutAndKeepsItsFirstColumns() {
    ResultRow made = madeByTheReader();
    ResultColumns columns = ResultColumns.of(COLUMNS, TypeScope.builtins());
    assertSame(made, ResultRow.of(made, columns), "no second object for the row");
    assertSame(made, ResultRow.of(made, columns), "handed out again with the same columns");
    assertEquals("ann", made.get(1));

    RowDescription renamed =
        description(
            field("a", 23, 1),
            field("b", 25, 0),
            field("c", 25, 0),
            field("d", 23, 0),
            field("e", 20, 0));
    ResultRow again = ResultRow.of(made, ResultColumns.of(renamed, TypeScope.builtins()));
    assertNotSame(made, again, "other columns make another row");
    assertSame(made.bytes(), again.bytes(), "over the same bytes");
    assertEquals(List.of("a", "b", "c", "d", "e"), again.columnNames());
    assertEquals(
        List.of("id", "name", "note", "n", "id"), made.columnNames(), "a row never changes");
    assertEquals(100_000, again.get("a"));
  }

  @Test
  void aPlainDataRowIsReadThroughANewRowOverItsBytes() {
    DataRow plain = DataRow.of(text("5"));
    ResultColumns columns = ResultColumns.of(description(field("n", 23, 0)), TypeScope.builtins());
    ResultRow row = ResultRow.of(plain, columns);
    assertSame(plain.bytes(), row.bytes());
    assertEquals(5, row.get(0));
  }

  @Test
  void anUnboundRowPrintsAsItsMessage() {
    assertEquals(
        "DataRow[columns=5, bytes=" + row().bytes().length + "]", madeByTheReader().toString());
  }
}
