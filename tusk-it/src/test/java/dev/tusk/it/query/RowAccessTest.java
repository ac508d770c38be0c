package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default {@link Row}: typed getters by index and by name, conversions and NULL handling, in
 * the text format (first run) and the binary format (second run) alike.
 */
@TuskTest
class RowAccessTest {

  private static final String ROW =
      "SELECT 42::int4 AS i, 9000000000::int8 AS l, 'txt'::text AS s, 2.5::float8 AS d,"
          + " true AS b, 12.345::numeric AS n, DATE '2024-02-29' AS day,"
          + " TIMESTAMPTZ '2024-02-29 12:00:00+00' AS at,"
          + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, '\\x0102ff'::bytea AS bin,"
          + " NULL::int4 AS missing, 7::int2 AS small";

  private static final UUID ID = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  private static final OffsetDateTime AT =
      OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.UTC);

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void gettersByIndex(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    assertAll(
        () -> assertEquals(42, row.getInt(0)),
        () -> assertEquals(9_000_000_000L, row.getLong(1)),
        () -> assertEquals("txt", row.getString(2)),
        () -> assertEquals(2.5, row.getDouble(3)),
        () -> assertTrue(row.getBoolean(4)),
        () -> assertEquals(new BigDecimal("12.345"), row.getBigDecimal(5)),
        () -> assertEquals(LocalDate.of(2024, 2, 29), row.getLocalDate(6)),
        () -> assertEquals(AT, row.getOffsetDateTime(7)),
        () -> assertEquals(ID, row.getUuid(8)),
        () -> assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, row.getBytes(9)));
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void gettersByName(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    assertAll(
        () -> assertEquals(42, row.getInt("i")),
        () -> assertEquals(9_000_000_000L, row.getLong("l")),
        () -> assertEquals("txt", row.getString("s")),
        () -> assertEquals(2.5, row.getDouble("d")),
        () -> assertTrue(row.getBoolean("b")),
        () -> assertEquals(new BigDecimal("12.345"), row.getBigDecimal("n")),
        () -> assertEquals(LocalDate.of(2024, 2, 29), row.getLocalDate("day")),
        () -> assertEquals(AT, row.getOffsetDateTime("at")),
        () -> assertEquals(ID, row.getUuid("u")),
        () -> assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, row.getBytes("bin")));
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void getWithClassConvertsExactly(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    assertAll(
        () -> assertEquals(42L, row.get(0, Long.class)),
        () -> assertEquals(42L, row.get("i", long.class)),
        () -> assertEquals((Integer) 7, row.get("small", Integer.class)),
        () -> assertEquals(42.0, row.get("i", Double.class)),
        () -> assertEquals("42", row.get("i", String.class)),
        () -> assertEquals(new BigDecimal("42"), row.get("i", BigDecimal.class)),
        () -> assertEquals(12.345, row.get("n", Double.class)),
        () -> assertEquals(AT.toInstant(), row.get("at", Instant.class)),
        () -> assertEquals(Integer.valueOf(42), row.get("i", Number.class)),
        () -> assertEquals(42, row.getLong("i")));
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void conversionThatLosesInformationIsAnError(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    assertThrows(DataError.class, () -> row.get("l", Integer.class), "int8 beyond int range");
    assertThrows(DataError.class, () -> row.get("n", Long.class), "numeric with a fraction");
    assertThrows(ProgrammingError.class, () -> row.get("day", UUID.class), "no such conversion");
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void nullIsNullForGetAndAnErrorForPrimitiveGetters(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    assertNull(row.get("missing"));
    assertNull(row.get(10));
    assertNull(row.get("missing", Integer.class));
    assertNull(row.getString("missing"));
    assertNull(row.getBigDecimal("missing"));
    assertTrue(row.isNull(10));
    assertFalse(row.isNull(0));
    DataError error = assertThrows(DataError.class, () -> row.getInt("missing"));
    assertTrue(error.getMessage().contains("missing"), error.getMessage());
    assertThrows(DataError.class, () -> row.getLong(10));
    assertThrows(DataError.class, () -> row.getDouble(10));
    assertThrows(DataError.class, () -> row.getBoolean(10));
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void unknownColumnNameIsProgrammingErrorListingTheColumns(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    ProgrammingError error = assertThrows(ProgrammingError.class, () -> row.get("nope"));

    assertTrue(error.getMessage().contains("nope"), error.getMessage());
    assertTrue(error.getMessage().contains("[i, l, s, d, b, n, day"), error.getMessage());
    assertThrows(ProgrammingError.class, () -> row.getInt("nope"));
    assertThrows(ProgrammingError.class, () -> row.get(12));
    assertThrows(ProgrammingError.class, () -> row.get(-1));
  }

  @ParameterizedTest(name = "run {0}")
  @ValueSource(ints = {1, 2})
  void describesItsColumns(int runs, Connection conn) {
    Row row = fetch(conn, runs);

    assertEquals(12, row.size());
    assertEquals(
        List.of("i", "l", "s", "d", "b", "n", "day", "at", "u", "bin", "missing", "small"),
        row.columnNames());
    assertEquals("int8", row.columns().get(1).typeName());
    assertEquals(8, row.indexOf("u"));
  }

  /** The row from the {@code runs}-th run: 1 is text format, 2 is binary. */
  private static Row fetch(Connection conn, int runs) {
    Row row = null;
    for (int i = 0; i < runs; i++) {
      row = conn.execute(ROW).fetchOne();
    }
    return row;
  }
}
