package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The getter and setter conversions that need no server. */
class ValueConversionsTest {

  @Test
  void integersConvertOnlyWhenTheyFit() throws SQLException {
    assertEquals(42, ColumnValues.toLong(42L, Integer.MIN_VALUE, Integer.MAX_VALUE, "int"));
    assertEquals(2, ColumnValues.toLong(new BigDecimal("2.9"), 0, 10, "int")); // JDBC truncates
    assertEquals(1, ColumnValues.toLong(true, 0, 10, "int"));
    assertEquals(17, ColumnValues.toLong(" 17 ", 0, 100, "int"));
    SQLDataException range =
        assertThrows(
            SQLDataException.class,
            () -> ColumnValues.toLong(1L << 40, Integer.MIN_VALUE, Integer.MAX_VALUE, "int"));
    assertEquals("22003", range.getSQLState());
    assertThrows(SQLDataException.class, () -> ColumnValues.toLong(Double.NaN, 0, 10, "int"));
    assertEquals(
        "22018",
        assertThrows(SQLException.class, () -> ColumnValues.toLong("x", 0, 1, "int"))
            .getSQLState());
  }

  @Test
  void booleansFromTextAndNumbers() throws SQLException {
    assertTrue(ColumnValues.toBoolean("t"));
    assertTrue(ColumnValues.toBoolean("YES"));
    assertFalse(ColumnValues.toBoolean("off"));
    assertFalse(ColumnValues.toBoolean(0));
    assertTrue(ColumnValues.toBoolean(new BigDecimal("0.5")));
    assertThrows(SQLException.class, () -> ColumnValues.toBoolean("perhaps"));
  }

  @Test
  void timestampsInACalendarsZone() throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Timestamp read = ColumnValues.toTimestamp(LocalDateTime.of(2024, 1, 1, 12, 0), utc);
    assertEquals(java.time.Instant.parse("2024-01-01T12:00:00Z"), read.toInstant());
    assertEquals(
        Timestamp.valueOf("2024-01-01 00:00:00"),
        ColumnValues.toTimestamp(LocalDate.of(2024, 1, 1), null));
    Object sent =
        ParameterConversions.timestamp(
            Timestamp.from(read.toInstant()),
            Calendar.getInstance(TimeZone.getTimeZone("Asia/Kolkata")));
    assertEquals("2024-01-01 17:30:00.000000+05:30", sent);
  }

  @Test
  void targetTypesFollowJdbcsTable() throws SQLException {
    assertEquals("12", TargetTypes.convert(12, Types.VARCHAR));
    assertEquals(12, TargetTypes.convert("12", Types.INTEGER));
    assertEquals((short) 3, TargetTypes.convert(3L, Types.SMALLINT));
    assertEquals(new BigDecimal("1.25"), TargetTypes.convert("1.25", Types.DECIMAL));
    assertEquals(LocalDate.of(2020, 2, 29), TargetTypes.convert("2020-02-29", Types.DATE));
    assertEquals(
        LocalDateTime.of(2020, 2, 29, 1, 2, 3),
        TargetTypes.convert("2020-02-29 01:02:03", Types.TIMESTAMP));
    assertEquals(
        "22018",
        assertThrows(SQLException.class, () -> TargetTypes.convert("2020-13-01", Types.DATE))
            .getSQLState());
    assertThrows(SQLDataException.class, () -> TargetTypes.convert(70000, Types.SMALLINT));
  }

  @Test
  void arraysKeepTheirElementClassAndDimensions() throws SQLException {
    JdbcArray flat = new JdbcArray("int4", Arrays.asList(1, null, 3));
    assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) flat.getArray());
    assertArrayEquals(new Integer[] {null, 3}, (Integer[]) flat.getArray(2, 2));
    assertThrows(SQLException.class, () -> flat.getArray(3, 2));
    JdbcArray nested = new JdbcArray("text", List.of(List.of("a", "b"), List.of("c", "d")));
    String[][] grid = (String[][]) nested.getArray();
    assertEquals("d", grid[1][1]);
    JdbcArray dates = new JdbcArray("date", List.of(LocalDate.of(2024, 1, 2)));
    assertArrayEquals(
        new java.sql.Date[] {java.sql.Date.valueOf("2024-01-02")}, (Object[]) dates.getArray());
    assertEquals("int4", JdbcArray.elementType("_int4"));
    assertEquals("int4", JdbcArray.elementType("int4[]"));
    flat.free();
    assertThrows(SQLException.class, flat::getArray);
  }

  @Test
  void jdbcTypesOfTypeNames() {
    assertEquals(Types.INTEGER, PgTypes.jdbcType("int4"));
    assertEquals(Types.ARRAY, PgTypes.jdbcType("_text"));
    assertEquals(Types.OTHER, PgTypes.jdbcType("hstore"));
    assertEquals("java.lang.Long", PgTypes.className("int8"));
    assertEquals("numeric", PgTypes.pgType(Types.DECIMAL));
  }
}
