package dev.tusk.internal.copy;

import static dev.tusk.internal.copy.CopyRows.decoder;
import static dev.tusk.internal.copy.CopyRows.encoder;
import static dev.tusk.internal.copy.CopyRows.line;
import static dev.tusk.internal.copy.CopyRows.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.BadCopyFileFormat;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.types.Param;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TextFormatTest {

  private static final String FROM = "COPY t FROM STDIN";

  @Test
  void escapesAsTheServerWrites() {
    assertEquals(
        "a\\\\b\\tc\\nd\\re\\bf\\fg\\vh\tnext\n",
        line(encoder(FROM), "a\\b\tc\nd\re\bf\fg\u000Bh", "next"));
  }

  @Test
  void nullIsTheMarkerAndItsTextIsEscaped() {
    assertEquals("\\N\t\\\\N\t\n", line(encoder(FROM), null, "\\N", ""));
  }

  @Test
  void nonDefaultDelimiterIsEscapedAndTabIsStillEscaped() {
    CopyRowEncoder encoder = encoder("COPY t FROM STDIN (DELIMITER '|')");
    assertEquals("a\\|b|c\\td\n", line(encoder, "a|b", "c\td"));
    Object[] row = read(decoder("COPY t TO STDOUT (DELIMITER '|')"), "a\\|b|c\\td\n");
    assertArrayEquals(new Object[] {"a|b", "c\td"}, row);
  }

  @Test
  void aValueSpellingACustomNullMarkerIsNotReadAsNull() {
    CopyRowEncoder encoder = encoder("COPY t FROM STDIN (NULL 'nil')");
    assertEquals("nil\t\\156il\n", line(encoder, null, "nil"));
    Object[] row = read(decoder("COPY t TO STDOUT (NULL 'nil')"), "nil\t\\156il\n");
    assertArrayEquals(new Object[] {null, "nil"}, row);
  }

  @Test
  void multibyteFirstCharacterOfAMarkerBecomesOctalBytes() {
    CopyRowEncoder encoder = encoder("COPY t FROM STDIN (NULL 'é')");
    assertEquals("\\303\\251\n", line(encoder, "é"));
    assertArrayEquals(
        new Object[] {"é"}, read(decoder("COPY t TO STDOUT (NULL 'é')"), "\\303\\251\n"));
  }

  @Test
  void anEmptyStringCannotBeWrittenWhenNullIsEmpty() {
    CopyRowEncoder encoder = encoder("COPY t FROM STDIN (NULL '')");
    DataError error = assertThrows(DataError.class, () -> line(encoder, "x", ""));
    assertTrue(error.getMessage().contains("column index 1"), error.getMessage());
    assertTrue(error.getMessage().contains("csv"), error.getMessage());
  }

  @Test
  void defaultMarkerIsAvoidedToo() {
    assertEquals("\\104\n", line(encoder("COPY t FROM STDIN (DEFAULT 'D')"), "D"));
  }

  @Test
  void multibyteUtf8PassesThrough() {
    String text = "żółć 日本 \uD83D\uDE00";
    assertEquals(text + "\n", line(encoder(FROM), text));
    assertArrayEquals(new Object[] {text}, read(decoder("COPY t TO STDOUT"), text + "\n"));
  }

  @Test
  void loneSurrogatesAndNulAreDataErrorsAndLeaveNothingBehind() {
    CopyRowEncoder encoder = encoder(FROM);
    WriteBuffer out = new WriteBuffer();
    encoder.row(new Object[] {"ok"}, out);
    int size = out.size();
    DataError surrogate =
        assertThrows(DataError.class, () -> encoder.row(new Object[] {"a", "b\uD800"}, out));
    assertTrue(surrogate.getMessage().contains("column index 1"), surrogate.getMessage());
    assertTrue(surrogate.getMessage().contains("java.lang.String"), surrogate.getMessage());
    assertThrows(DataError.class, () -> encoder.row(new Object[] {"a\0b"}, out));
    assertEquals(size, out.size());
  }

  @Test
  void untypedValuesUseTheirJavaTypesText() {
    UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertEquals(
        "42\t1.50\tt\t2024-02-29\t"
            + uuid
            + "\t2024-01-02 03:04:05.123456+00\t{1,2,NULL}\t\\\\x0aff\n",
        line(
            encoder(FROM),
            42,
            new BigDecimal("1.50"),
            true,
            LocalDate.of(2024, 2, 29),
            uuid,
            Instant.parse("2024-01-02T03:04:05.123456Z"),
            Arrays.asList(1, 2, null),
            new byte[] {10, (byte) 0xFF}));
  }

  @Test
  void aParamStatesTheTypeOfAnUntypedValue() {
    assertEquals(
        "{\"a\": 1}\t\\N\n",
        line(encoder(FROM), Param.of("{\"a\":1}", "jsonb"), Param.of(null, "int4")));
  }

  @Test
  void typedValuesAreConvertedToTheColumnType() {
    CopyRowEncoder encoder = encoder(FROM, "int8", "numeric", "float8", "int4[]", "text");
    assertEquals("7\t3\t2.5\t{1,2}\tx\n", line(encoder, 7, 3, 2.5f, new int[] {1, 2}, "x"));
  }

  @Test
  void aValueTheColumnCannotTakeIsADataErrorNamingColumnAndClass() {
    CopyRowEncoder encoder = encoder(FROM, "int4", "date");
    DataError error = assertThrows(DataError.class, () -> line(encoder, 1, "2024-01-01"));
    assertTrue(error.getMessage().contains("column index 1 (date)"), error.getMessage());
    assertTrue(error.getMessage().contains("java.lang.String"), error.getMessage());
    DataError range = assertThrows(DataError.class, () -> line(encoder, 1L << 40, null));
    assertTrue(range.getMessage().contains("column index 0 (int4)"), range.getMessage());
  }

  @Test
  void wrongValueCountWithTypesIsAProgrammingError() {
    assertThrows(ProgrammingError.class, () -> line(encoder(FROM, "int4", "text"), 1));
  }

  @Test
  void decodesEscapesAsTheServerReadsThem() {
    Object[] row =
        read(
            decoder("COPY t TO STDOUT"),
            "a\\\\b\\tc\\nd\\re\\bf\\fg\\vh\\qi\t\\N\t\\101\\x42\\x4a\\xZ\t\\N\\N\t\n");
    assertArrayEquals(new Object[] {"a\\b\tc\nd\re\bf\fg\u000Bhqi", null, "ABJxZ", "NN", ""}, row);
  }

  @Test
  void decodesTypedValues() {
    Object[] row =
        read(
            decoder("COPY t TO STDOUT", "int4", "numeric", "timestamptz", "int4[]", "bool"),
            "1\t2.50\t2024-01-02 03:04:05+05:30\t{1,NULL}\tt\n");
    assertEquals(1, row[0]);
    assertEquals(new BigDecimal("2.50"), row[1]);
    assertEquals(Instant.parse("2024-01-01T21:34:05Z"), ((OffsetDateTime) row[2]).toInstant());
    assertEquals(Arrays.asList(1, null), row[3]);
    assertEquals(true, row[4]);
  }

  @Test
  void undecodableValueNamesItsColumn() {
    DataError error =
        assertThrows(DataError.class, () -> read(decoder("COPY t TO STDOUT", "int4"), "x\n"));
    assertTrue(error.getMessage().contains("column index 0 (int4)"), error.getMessage());
  }

  @Test
  void theServersHeaderLineIsSkipped() {
    CopyRowDecoder decoder = decoder("COPY t TO STDOUT (HEADER)");
    assertNull(read(decoder, "a\tb\n"));
    assertArrayEquals(new Object[] {"1", "2"}, read(decoder, "1\t2\n"));
  }

  @Test
  void headerLineIsWrittenWithTheColumnNames() {
    WriteBuffer out = new WriteBuffer();
    encoder("COPY t (a, \"b\tc\") FROM STDIN (HEADER)").header(out);
    assertEquals("a\tb\\tc\n", new String(out.toByteArray(), StandardCharsets.UTF_8));
    WriteBuffer none = new WriteBuffer();
    encoder(FROM).header(none);
    encoder(FROM).trailer(none);
    assertEquals(0, none.size());
  }

  @Test
  void headerMatchWithoutAColumnListFailsOnlyWhenAHeaderIsWritten() {
    CopyRowEncoder encoder = encoder("COPY t FROM STDIN (HEADER MATCH)");
    assertEquals("1\n", line(encoder, "1"));
    assertThrows(ProgrammingError.class, () -> encoder.header(new WriteBuffer()));
  }

  @Test
  void aMessageWithTwoRowsIsBadData() {
    assertThrows(BadCopyFileFormat.class, () -> read(decoder("COPY t TO STDOUT"), "a\nb\n"));
  }

  @Test
  void emptyLineIsOneEmptyField() {
    assertArrayEquals(new Object[] {""}, read(decoder("COPY t TO STDOUT"), "\n"));
  }
}
