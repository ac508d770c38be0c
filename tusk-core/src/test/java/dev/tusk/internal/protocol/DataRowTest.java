package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.int16;
import static dev.tusk.internal.protocol.Wire.int32;
import static dev.tusk.internal.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataRowTest {

  @Test
  void wrapKeepsTheArrayItIsGiven() throws ProtocolViolationException {
    byte[] body = concat(int16(1), int32(1), utf8("x"));
    DataRow row = DataRow.wrap(body);
    assertSame(body, row.bytes());
    assertEquals(1, row.columnCount());
  }

  @Test
  void aMakerIsGivenOnlyBodiesThatPassedTheCheck() throws ProtocolViolationException {
    List<byte[]> made = new ArrayList<>();
    DataRow.Maker maker =
        body -> {
          made.add(body);
          return new Marked(body);
        };
    byte[] body = concat(int16(2), int32(-1), int32(1), utf8("x"));
    DataRow row = DataRow.wrap(body, maker);
    assertInstanceOf(Marked.class, row);
    assertEquals("DataRow", row.messageName(), "named as the protocol names it, for errors");
    assertSame(body, row.bytes());
    assertEquals(2, row.columnCount());
    assertThrows(
        ProtocolViolationException.class,
        () -> DataRow.wrap(concat(int16(1), int32(5), utf8("x")), maker));
    assertEquals(List.of(body), made, "the malformed body never reached the maker");
  }

  /** A subclass, as the client's rows are. */
  private static final class Marked extends DataRow {
    Marked(byte[] body) {
      super(body);
    }
  }

  @Test
  void ofLaysOutValuesAsTheServerWould() {
    DataRow row = DataRow.of(utf8("ab"), null, new byte[0]);
    assertArrayEquals(concat(int16(3), int32(2), utf8("ab"), int32(-1), int32(0)), row.bytes());
    assertEquals(3, row.columnCount());
  }

  @Test
  void rowWithoutColumns() throws ProtocolViolationException {
    DataRow row = DataRow.wrap(int16(0));
    row.locate(new int[0], new int[0]);
    assertEquals(0, row.columnCount());
  }

  @Test
  void locateFillsOffsetsAndLengthsAndLeavesTheRestAlone() {
    DataRow row = DataRow.of(null, utf8("hello"), utf8("é"));
    int[] offsets = {-9, -9, -9, -9};
    int[] lengths = {-9, -9, -9, -9};
    row.locate(offsets, lengths);
    assertArrayEquals(new int[] {6, 10, 19, -9}, offsets);
    assertArrayEquals(new int[] {-1, 5, 2, -9}, lengths);
  }

  @Test
  void locateRejectsArraysTooShortForTheRow() {
    DataRow row = DataRow.of(utf8("a"), utf8("b"));
    var error =
        assertThrows(IllegalArgumentException.class, () -> row.locate(new int[2], new int[1]));
    assertEquals("locating 2 columns needs arrays of that length, not 1", error.getMessage());
  }

  @Test
  void ofRejectsMoreColumnsThanTheProtocolCounts() {
    assertThrows(IllegalArgumentException.class, () -> DataRow.of(new byte[32768][]));
  }

  @Test
  void toStringShowsSizesNotValues() {
    assertEquals("DataRow[columns=1, bytes=9]", DataRow.of(utf8("pwd")).toString());
  }
}
