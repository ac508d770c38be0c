package dev.tusk.internal.copy;

import static dev.tusk.internal.copy.CopyRows.decoder;
import static dev.tusk.internal.copy.CopyRows.encoder;
import static dev.tusk.internal.copy.CopyRows.line;
import static dev.tusk.internal.copy.CopyRows.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.BadCopyFileFormat;
import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.WriteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  private static final String FROM = "COPY t FROM STDIN (FORMAT csv)";
  private static final String TO = "COPY t TO STDOUT (FORMAT csv)";

  @Test
  void quotesOnlyWhatNeedsIt() {
    assertEquals(
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rx\",back\\slash\n",
        line(encoder(FROM), "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rx", "back\\slash"));
  }

  @Test
  void emptyStringIsQuotedAndNullIsEmpty() {
    assertEquals(",\"\",x\n", line(encoder(FROM), null, "", "x"));
    assertArrayEquals(new Object[] {null, "", "x"}, read(decoder(TO), ",\"\",x\n"));
  }

  @Test
  void aValueEqualToACustomNullIsQuoted() {
    CopyRowEncoder encoder = encoder("COPY t FROM STDIN (FORMAT csv, NULL 'NULL')");
    assertEquals("NULL,\"NULL\",\n", line(encoder, null, "NULL", ""));
    Object[] row = read(decoder("COPY t TO STDOUT (FORMAT csv, NULL 'NULL')"), "NULL,\"NULL\",\n");
    assertArrayEquals(new Object[] {null, "NULL", ""}, row);
  }

  @Test
  void endOfDataMarkerIsQuoted() {
    assertEquals("\"\\.\",\"\\.x\",a\\.\n", line(encoder(FROM), "\\.", "\\.x", "a\\."));
  }

  @Test
  void customQuoteEscapeAndDelimiter() {
    String sql = "COPY t FROM STDIN (FORMAT csv, DELIMITER ';', QUOTE '''', ESCAPE '\\')";
    assertEquals(
        "'it\\'s';'a;b';c\\d;'e\\\\f;';\"q\"\n",
        line(encoder(sql), "it's", "a;b", "c\\d", "e\\f;", "\"q\""));
  }

  @Test
  void customEscapeOnlyEscapesInsideQuotes() {
    String sql = "COPY t FROM STDIN (FORMAT csv, ESCAPE '\\')";
    assertEquals("a\\b,\"x\\\\y,\\\"\"\n", line(encoder(sql), "a\\b", "x\\y,\""));
    Object[] row =
        read(decoder("COPY t TO STDOUT (FORMAT csv, ESCAPE '\\')"), "a\\b,\"x\\\\y,\\\"\"\n");
    assertArrayEquals(new Object[] {"a\\b", "x\\y,\""}, row);
  }

  @Test
  void decodesQuotesAnywhereInAField() {
    assertArrayEquals(
        new Object[] {"abc,d", "x\"y", "multi\nline", ""},
        read(decoder(TO), "ab\"c,\"d,\"x\"\"y\",\"multi\nline\",\"\"\n"));
  }

  @Test
  void multibyteUtf8() {
    String text = "naïve,日本\uD83D\uDE00";
    String written = line(encoder(FROM), text, "ü");
    assertEquals("\"" + text + "\",ü\n", written);
    assertArrayEquals(new Object[] {text, "ü"}, read(decoder(TO), written));
  }

  @Test
  void unterminatedQuoteAndStrayLineBreakAreBadData() {
    assertThrows(BadCopyFileFormat.class, () -> read(decoder(TO), "\"abc\n"));
    assertThrows(BadCopyFileFormat.class, () -> read(decoder(TO), "a\nb\n"));
  }

  @Test
  void headerIsWrittenQuotedAndSkippedOnOutput() {
    WriteBuffer out = new WriteBuffer();
    encoder("COPY t (id, \"a,b\") FROM STDIN (FORMAT csv, HEADER MATCH)").header(out);
    assertEquals("id,\"a,b\"\n", new String(out.toByteArray(), StandardCharsets.UTF_8));
    WriteBuffer unnamed = new WriteBuffer();
    encoder("COPY t FROM STDIN CSV HEADER").header(unnamed);
    assertEquals("\n", new String(unnamed.toByteArray(), StandardCharsets.UTF_8));
    CopyRowDecoder decoder = decoder("COPY t TO STDOUT (FORMAT csv, HEADER)");
    assertNull(read(decoder, "id,name\n"));
    assertArrayEquals(new Object[] {"1", "x"}, read(decoder, "1,x\n"));
  }

  @Test
  void typedCsv() {
    CopyRowEncoder encoder = encoder(FROM, "int4", "text[]", "jsonb");
    assertEquals(
        "1,\"{a,\"\"b,c\"\"}\",\"{\"\"k\"\": [1, 2]}\"\n",
        line(encoder, 1, new String[] {"a", "b,c"}, Map.of("k", List.of(1, 2))));
    Object[] row = read(decoder(TO, "int4", "text[]"), "1,\"{a,\"\"b,c\"\"}\"\n");
    assertEquals(1, row[0]);
    assertEquals(List.of("a", "b,c"), row[1]);
  }

  @Test
  void nulInTextIsADataError() {
    assertThrows(DataError.class, () -> line(encoder(FROM), "a\0"));
  }
}
