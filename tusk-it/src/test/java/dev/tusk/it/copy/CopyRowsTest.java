package dev.tusk.it.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Copy;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.SQL;
import dev.tusk.testing.TuskTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Typed rows through the COPY API: {@code writeRow} and {@code readRow} in text, CSV (with HEADER)
 * and binary, {@code setTypes}, the bulk helpers, and psycopg2's conveniences.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CopyRowsTest {

  private static final String[] TYPES = {
    "int4",
    "int8",
    "text",
    "numeric",
    "timestamptz",
    "bool",
    "uuid",
    "bytea",
    "date",
    "float8",
    "int4[]"
  };

  private static final String COLUMNS =
      "(i int4, l int8, t text, n numeric, at timestamptz, b bool, u uuid, raw bytea, d date,"
          + " f float8, a int4[])";

  private static Object[] sample(int i) {
    return new Object[] {
      i,
      (long) i << 33,
      i % 7 == 0 ? null : "row " + i + " tab\there, \"quoted\", back\\slash",
      new BigDecimal("12345.6789").add(BigDecimal.valueOf(i)),
      OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 1000 * i, ZoneOffset.UTC),
      i % 2 == 0,
      new UUID(i, -i),
      new byte[] {(byte) i, 0, (byte) 0xFF},
      LocalDate.of(2020, 1, 1).plusDays(i),
      i / 4.0,
      List.of(i, -i)
    };
  }

  private static void assertRow(Object[] expected, Object[] actual) {
    assertEquals(expected.length, actual.length);
    for (int c = 0; c < expected.length; c++) {
      Object want = expected[c];
      Object got = actual[c];
      if (want instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) got, "column " + c);
      } else if (want instanceof OffsetDateTime at) {
        assertTrue(at.isEqual((OffsetDateTime) got), "column " + c + ": " + got);
      } else if (want instanceof BigDecimal number) {
        assertEquals(0, number.compareTo((BigDecimal) got), "column " + c + ": " + got);
      } else {
        assertEquals(want, got, "column " + c);
      }
    }
  }

  @Test
  void binaryRoundTripsEveryColumnThroughSetTypes(Connection conn) {
    conn.execute("CREATE TABLE rows_binary " + COLUMNS);
    try (Copy copy = conn.cursor().copy("COPY rows_binary FROM STDIN (FORMAT binary)")) {
      assertTrue(copy.isBinary());
      copy.setTypes(TYPES);
      for (int i = 0; i < 300; i++) {
        copy.writeRow(sample(i));
      }
      assertEquals(300, copy.finish());
    }
    try (Copy copy =
        conn.cursor()
            .copy("COPY (SELECT * FROM rows_binary ORDER BY i) TO STDOUT (FORMAT binary)")) {
      copy.setTypes(TYPES);
      for (int i = 0; i < 300; i++) {
        assertRow(sample(i), copy.readRow());
      }
      assertNull(copy.readRow());
      assertEquals(300, copy.rowCount());
    }
  }

  @Test
  void textAndCsvWithHeaderRoundTripTypedRows(Connection conn) {
    conn.execute("CREATE TABLE rows_text " + COLUMNS);
    for (String options :
        List.of("", " (FORMAT csv, HEADER true)", " (FORMAT csv, DELIMITER ';')")) {
      conn.execute("TRUNCATE rows_text");
      try (Copy copy = conn.cursor().copy("COPY rows_text FROM STDIN" + options)) {
        copy.setTypes(TYPES);
        copy.writeRows(IntStream.range(0, 200).mapToObj(CopyRowsTest::sample));
        assertEquals(200, copy.finish(), options);
      }
      try (Copy copy =
          conn.cursor().copy("COPY (SELECT * FROM rows_text ORDER BY i) TO STDOUT" + options)) {
        copy.setTypes(TYPES);
        List<Object[]> rows = copy.rows().toList();
        assertEquals(200, rows.size(), options);
        for (int i = 0; i < 200; i++) {
          assertRow(sample(i), rows.get(i));
        }
      }
    }
  }

  @Test
  void csvHeaderIsWrittenAndSkipped(Connection conn) {
    conn.execute("CREATE TABLE rows_header (id int, name text)");
    try (Copy copy =
        conn.cursor().copy("COPY rows_header (id, name) FROM STDIN (FORMAT csv, HEADER true)")) {
      copy.writeRows(List.of(new Object[] {1, "one"}, new Object[] {2, null}));
      assertEquals(2, copy.finish());
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    conn.cursor().copyExpert("COPY rows_header TO STDOUT (FORMAT csv, HEADER true)", raw);
    assertEquals("id,name\n1,one\n2,\n", raw.toString(StandardCharsets.UTF_8));
    try (Copy copy = conn.cursor().copy("COPY rows_header TO STDOUT (FORMAT csv, HEADER true)")) {
      // Without types, values read as strings (NULL as null); the header is not a row.
      assertArrayEquals(new Object[] {"1", "one"}, copy.readRow());
      assertArrayEquals(new Object[] {"2", null}, copy.readRow());
      assertNull(copy.readRow());
    }
  }

  @Test
  void textRowsWithoutTypesUseEachValuesJavaType(Connection conn) {
    conn.execute("CREATE TABLE rows_untyped (id int, at date, tags text[])");
    try (Copy copy = conn.cursor().copy("COPY rows_untyped FROM STDIN")) {
      copy.writeRow(1, LocalDate.of(2024, 2, 29), List.of("a", "b c"));
      copy.writeRow(2, null, null);
      assertEquals(2, copy.finish());
    }
    assertEquals(
        LocalDate.of(2024, 2, 29),
        conn.execute("SELECT at FROM rows_untyped WHERE id = 1").fetchOne().get(0));
  }

  @Test
  void binaryRowsNeedTypesAndBadValuesAreTypedErrors(Connection conn) {
    conn.execute("CREATE TABLE rows_untyped_binary (id int)");
    // Without setTypes, the table's column types come from the catalog (CopyColumnTypesTest).
    try (Copy copy = conn.cursor().copy("COPY rows_untyped_binary FROM STDIN (FORMAT binary)")) {
      copy.writeRow(1);
      // Closed without finish(): abandoned.
    }
    try (Copy copy = conn.cursor().copy("COPY rows_untyped_binary FROM STDIN (FORMAT binary)")) {
      assertThrows(ProgrammingError.class, () -> copy.setTypes("int4", "text"));
      // Looking a type up would need a query, which cannot pass the COPY's data.
      ProgrammingError lookup =
          assertThrows(ProgrammingError.class, () -> copy.setTypes("no_such_type"));
      assertTrue(lookup.getMessage().contains("catalog lookup"), lookup.getMessage());
      copy.setTypes("int4");
      assertThrows(DataError.class, () -> copy.writeRow("not a number"));
      copy.writeRow(7);
      assertThrows(ProgrammingError.class, () -> copy.setTypes("int4"));
      assertEquals(1, copy.finish());
    }
    assertEquals(7, conn.execute("SELECT id FROM rows_untyped_binary").fetchOne().getInt(0));
    // Data out can look a type up: the rest of the COPY is collected meanwhile.
    try (Copy copy = conn.cursor().copy("COPY rows_untyped_binary TO STDOUT (FORMAT binary)")) {
      assertThrows(UndefinedObject.class, () -> copy.setTypes("no_such_type"));
      copy.setTypes("int4");
      assertArrayEquals(new Object[] {7}, copy.readRow());
    }
  }

  @Test
  void psycopg2ConveniencesQuoteTheirNames(Connection conn) {
    conn.execute("CREATE TABLE \"Mixed Case\" (id int, \"select\" text)");
    long copied =
        conn.cursor()
            .copyFrom("Mixed Case", new StringReader("1|one\n2|@\n"), "|", "@", "id", "select");
    assertEquals(2, copied);
    StringWriter out = new StringWriter();
    assertEquals(2, conn.cursor().copyTo("Mixed Case", out, ",", "NULL", "select", "id"));
    assertEquals("one,1\nNULL,2\n", out.toString());
    conn.execute("CREATE SCHEMA IF NOT EXISTS other_schema");
    conn.execute("CREATE TABLE other_schema.t (id int)");
    assertEquals(
        1,
        conn.cursor()
            .copyFrom(Identifier.of("other_schema", "t"), new StringReader("5\n"), "\t", "\\N"));
    assertEquals(
        1,
        conn.cursor()
            .copyExpert(
                "COPY other_schema.t FROM STDIN", new ByteArrayInputStream("6\n".getBytes())));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    assertEquals(2, conn.cursor().copyExpert("COPY other_schema.t TO STDOUT", raw));
    assertEquals("5\n6\n", raw.toString(StandardCharsets.UTF_8));
    assertThrows(
        ProgrammingError.class,
        () ->
            conn.cursor()
                .copyExpert(
                    "COPY other_schema.t TO STDOUT", new ByteArrayInputStream(new byte[0])));
    // A composed statement quotes what it names.
    try (Copy copy =
        conn.cursor().copy(SQL.of("COPY {} TO STDOUT").format(Identifier.of("Mixed Case")))) {
      assertEquals(2, Stream.iterate(copy.read(), c -> c != null, c -> copy.read()).count());
    }
  }
}
