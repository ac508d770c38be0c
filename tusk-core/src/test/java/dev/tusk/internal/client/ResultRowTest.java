package dev.tusk.internal.client;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Column;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.DataRow;
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
}
