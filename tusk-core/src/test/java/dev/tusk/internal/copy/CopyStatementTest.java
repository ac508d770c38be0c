package dev.tusk.internal.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.copy.CopyOptions.Header;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CopyStatementTest {

  @Test
  void textDefaults() {
    CopyOptions options = CopyOptions.parse("COPY t FROM STDIN");
    assertEquals(CopyFormat.TEXT, options.format());
    assertTrue(options.from());
    assertEquals('\t', options.delimiter());
    assertEquals("\\N", options.nullString());
    assertEquals(Header.NONE, options.header());
    assertEquals(List.of(), options.columns());
  }

  @Test
  void csvDefaults() {
    CopyOptions options = CopyOptions.parse("copy t to stdout with (format csv)");
    assertEquals(CopyFormat.CSV, options.format());
    assertFalse(options.from());
    assertEquals(',', options.delimiter());
    assertEquals("", options.nullString());
    assertEquals('"', options.quote());
    assertEquals('"', options.escape());
  }

  @Test
  void genericOptions() {
    CopyOptions options =
        CopyOptions.parse(
            "COPY public.\"My Table\" (a, \"B c\") FROM STDIN WITH (FORMAT 'csv', HEADER true,"
                + " DELIMITER ';', NULL 'NULL', QUOTE '''', ESCAPE E'\\\\', FREEZE,"
                + " FORCE_NOT_NULL (a), FORCE_NULL *, DEFAULT '@')");
    assertEquals(CopyFormat.CSV, options.format());
    assertEquals(List.of("a", "B c"), options.columns());
    assertEquals(';', options.delimiter());
    assertEquals("NULL", options.nullString());
    assertEquals('\'', options.quote());
    assertEquals('\\', options.escape());
    assertEquals("@", options.defaultString());
    assertEquals(Header.PRESENT, options.header());
  }

  @Test
  void legacyOptions() {
    CopyOptions options =
        CopyOptions.parse(
            "COPY t (x) TO STDOUT WITH CSV HEADER DELIMITER AS ';' NULL AS 'n' QUOTE AS '|'"
                + " ESCAPE AS '!' FORCE QUOTE x, y;");
    assertEquals(CopyFormat.CSV, options.format());
    assertEquals(';', options.delimiter());
    assertEquals("n", options.nullString());
    assertEquals('|', options.quote());
    assertEquals('!', options.escape());
    assertEquals(Header.PRESENT, options.header());
    assertEquals(List.of("x"), options.columns());
  }

  @Test
  void escapeDefaultsToTheQuote() {
    assertEquals('\'', CopyOptions.parse("COPY t FROM STDIN CSV QUOTE ''''").escape());
  }

  @Test
  void binaryInEverySpelling() {
    for (String sql :
        List.of(
            "COPY BINARY t FROM STDIN",
            "COPY t FROM STDIN BINARY",
            "COPY t FROM STDIN WITH BINARY",
            "COPY t FROM STDIN (FORMAT binary)",
            "COPY t FROM STDIN (FORMAT BINARY)")) {
      assertEquals(CopyFormat.BINARY, CopyOptions.parse(sql).format(), sql);
    }
  }

  @Test
  void queriesCommentsAndWhereAreSkipped() {
    CopyOptions options =
        CopyOptions.parse(
            "/* a /* nested */ comment */ COPY (SELECT '(', $x$)$x$, f(1, (2)) -- )\n"
                + " FROM t) TO STDOUT (FORMAT csv, DELIMITER $$|$$)");
    assertEquals('|', options.delimiter());
    assertFalse(options.from());
    CopyOptions where =
        CopyOptions.parse("COPY t FROM STDIN (FORMAT csv, HEADER match) WHERE a > ','");
    assertEquals(Header.MATCH, where.header());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "on", "1", "yes", "t", "TRUE", "'true'"})
  void headerTrueSpellings(String value) {
    assertEquals(
        Header.PRESENT,
        CopyOptions.parse("COPY t TO STDOUT (FORMAT csv, HEADER " + value + ")").header());
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "off", "0", "no", "f", "of"})
  void headerFalseSpellings(String value) {
    assertEquals(
        Header.NONE,
        CopyOptions.parse("COPY t TO STDOUT (FORMAT csv, HEADER " + value + ")").header());
  }

  @Test
  void headerAloneIsTrue() {
    assertEquals(
        Header.PRESENT, CopyOptions.parse("COPY t TO STDOUT (HEADER, FORMAT csv)").header());
  }

  @Test
  void escapeStringsAndDelimiters() {
    assertEquals('\t', CopyOptions.parse("COPY t FROM STDIN (DELIMITER E'\\t')").delimiter());
    assertEquals('|', CopyOptions.parse("COPY t FROM STDIN USING DELIMITERS '|'").delimiter());
    assertEquals('|', CopyOptions.parse("COPY t FROM STDIN DELIMITERS '|'").delimiter());
    assertEquals("", CopyOptions.parse("COPY t FROM STDIN (NULL '')").nullString());
    assertEquals("it's", CopyOptions.parse("COPY t FROM STDIN (NULL 'it''s')").nullString());
    assertEquals("\u00e9", CopyOptions.parse("COPY t FROM STDIN (NULL E'\\u00e9')").nullString());
  }

  @Test
  void utf8EncodingIsAcceptedOthersAreNot() {
    CopyOptions.parse("COPY t FROM STDIN (ENCODING 'UTF8')");
    CopyOptions.parse("COPY t FROM STDIN (ENCODING 'utf-8')");
    assertThrows(
        FeatureNotSupported.class,
        () -> CopyOptions.parse("COPY t FROM STDIN (ENCODING 'LATIN1')"));
  }

  @Test
  void badOptionsFailClearly() {
    assertMessage("not recognized", "COPY t FROM STDIN (FORMAT xml)");
    assertMessage("single one-byte character", "COPY t FROM STDIN (DELIMITER ';;')");
    assertMessage("single one-byte character", "COPY t FROM STDIN (DELIMITER '\u00e9')");
    assertMessage("only in CSV mode", "COPY t FROM STDIN (QUOTE '|')");
    assertMessage("HEADER in BINARY", "COPY t FROM STDIN (FORMAT binary, HEADER)");
    assertMessage("COPY TO", "COPY t TO STDOUT (FORMAT csv, HEADER match)");
    assertMessage("cannot be \"a\"", "COPY t FROM STDIN (DELIMITER 'a')");
    assertMessage("must be different", "COPY t FROM STDIN (FORMAT csv, DELIMITER '\"')");
    assertMessage("NULL specification", "COPY t FROM STDIN (FORMAT csv, NULL 'a,b')");
    assertMessage("is not one Tusk reads", "COPY t FROM STDIN (COMPRESSION 'zstd')");
    assertMessage("unterminated string", "COPY t FROM STDIN (NULL 'x)");
    assertMessage("FROM or TO", "COPY t INTO STDIN");
    assertMessage("COPY", "SELECT 1");
    assertMessage("Boolean", "COPY t TO STDOUT (FORMAT csv, HEADER maybe)");
    assertMessage("lone backslash", "COPY t FROM STDIN (NULL 'a\\')");
  }

  private static void assertMessage(String fragment, String sql) {
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> CopyOptions.parse(sql));
    assertTrue(error.getMessage().contains(fragment), error.getMessage());
  }
}
