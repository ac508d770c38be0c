package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading values: JDBC getters, getObject with classes, arrays, scrolling, metadata. */
@TuskTest
class ResultSetTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    connection = JdbcTarget.connect(schema);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private ResultSet one(String sql, Object... params) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    ResultSet rs = ps.executeQuery();
    assertTrue(rs.next());
    return rs;
  }

  @Test
  void numbersConvertExactlyOrFail() throws SQLException {
    ResultSet rs = one("SELECT 42::int2, 7000000000::int8, 2.5::numeric, 1.5::float8, 'x'");
    assertEquals(42, rs.getInt(1));
    assertEquals(42L, rs.getLong(1));
    assertEquals(Integer.class, rs.getObject(1).getClass()); // JDBC: SMALLINT reads as Integer
    assertEquals(7_000_000_000L, rs.getLong(2));
    SQLDataException tooBig = assertThrows(SQLDataException.class, () -> rs.getInt(2));
    assertEquals("22003", tooBig.getSQLState());
    assertEquals(new BigDecimal("2.5"), rs.getBigDecimal(3));
    assertEquals(2.5, rs.getDouble(3));
    assertEquals(1.5f, rs.getFloat(4));
    assertEquals("22018", assertThrows(SQLException.class, () -> rs.getInt(5)).getSQLState());
  }

  @Test
  void getIntOnNullIsZeroAndWasNull() throws SQLException {
    ResultSet rs = one("SELECT NULL::int, 1");
    assertEquals(0, rs.getInt(1));
    assertTrue(rs.wasNull());
    assertNull(rs.getObject(1, Integer.class));
    assertEquals(1, rs.getInt(2));
    assertFalse(rs.wasNull());
  }

  @Test
  void booleansAndStrings() throws SQLException {
    ResultSet rs = one("SELECT true, 'yes'::text, 1, 'plain'::varchar, 12.30::numeric(5,2)");
    assertTrue(rs.getBoolean(1));
    assertEquals("t", rs.getString(1));
    assertTrue(rs.getBoolean(2));
    assertTrue(rs.getBoolean(3));
    assertEquals("plain", rs.getString(4));
    assertEquals("12.30", rs.getString(5));
  }

  @Test
  void javaTimeThroughGetObject() throws SQLException {
    OffsetDateTime instant = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC);
    ResultSet rs =
        one(
            "SELECT ?::timestamptz, '2024-05-06 07:08:09.5'::timestamp, '2024-05-06'::date,"
                + " '07:08:09'::time, '07:08:09+02'::timetz",
            instant);
    assertEquals(
        instant, rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
    assertEquals(instant.toInstant(), rs.getObject(1, Instant.class));
    assertEquals(Timestamp.from(instant.toInstant()), rs.getTimestamp(1));
    assertEquals(Timestamp.class, rs.getObject(1).getClass());
    assertEquals(
        LocalDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000), rs.getObject(2, LocalDateTime.class));
    assertEquals(Timestamp.valueOf("2024-05-06 07:08:09.5"), rs.getTimestamp(2));
    assertEquals(LocalDate.of(2024, 5, 6), rs.getObject(3, LocalDate.class));
    assertEquals(java.sql.Date.valueOf("2024-05-06"), rs.getDate(3));
    assertEquals(java.sql.Date.class, rs.getObject(3).getClass());
    assertEquals(LocalTime.of(7, 8, 9), rs.getObject(4, LocalTime.class));
    assertEquals(java.sql.Time.valueOf("07:08:09"), rs.getTime(4));
    assertEquals(
        java.time.OffsetTime.of(7, 8, 9, 0, ZoneOffset.ofHours(2)),
        rs.getObject(5, java.time.OffsetTime.class));
  }

  @Test
  void javaSqlTemporalParametersRoundTrip() throws SQLException {
    Timestamp timestamp = Timestamp.valueOf("2023-01-02 03:04:05.678");
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT ?::timestamp, ?::date, ?::time")) {
      ps.setTimestamp(1, timestamp);
      ps.setDate(2, java.sql.Date.valueOf("2023-01-02"));
      ps.setTime(3, java.sql.Time.valueOf("03:04:05"));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(timestamp, rs.getTimestamp(1));
        assertEquals(java.sql.Date.valueOf("2023-01-02"), rs.getDate(2));
        assertEquals(java.sql.Time.valueOf("03:04:05"), rs.getTime(3));
      }
    }
  }

  @Test
  void timestampWithCalendarIsReadInThatZone() throws SQLException {
    java.util.Calendar tokyo =
        java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
    Timestamp instant = Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"));
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT ?::timestamptz, ?::timestamp")) {
      ps.setTimestamp(1, instant, tokyo);
      ps.setTimestamp(2, instant, tokyo);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(instant.toInstant(), rs.getObject(1, Instant.class));
        assertEquals(LocalDateTime.of(2024, 1, 1, 9, 0), rs.getObject(2, LocalDateTime.class));
        assertEquals(instant, rs.getTimestamp(2, tokyo));
      }
    }
  }

  @Test
  void uuidBytesAndJson() throws Exception {
    UUID id = UUID.randomUUID();
    ResultSet rs = one("SELECT ?::uuid, '\\x0102ff'::bytea, '{\"a\": [1, 2]}'::jsonb", id);
    assertEquals(id, rs.getObject(1));
    assertEquals(id, rs.getObject(1, UUID.class));
    assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rs.getBytes(2));
    assertEquals(3, rs.getBinaryStream(2).readAllBytes().length);
    assertEquals("{\"a\": [1, 2]}", rs.getString(3));
  }

  @Test
  void arraysBothWays() throws SQLException {
    Array ints = connection.createArrayOf("int4", new Integer[] {1, 2, null});
    Array texts = connection.createArrayOf("text", new String[] {"a", "b,c"});
    try (PreparedStatement ps = connection.prepareStatement("SELECT ?, ?, cardinality(?)")) {
      ps.setArray(1, ints);
      ps.setArray(2, texts);
      ps.setObject(3, texts);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Array read = rs.getArray(1);
        assertEquals("int4", read.getBaseTypeName());
        assertEquals(Types.INTEGER, read.getBaseType());
        assertArrayEquals(new Integer[] {1, 2, null}, (Integer[]) read.getArray());
        assertArrayEquals(new String[] {"a", "b,c"}, (String[]) rs.getArray(2).getArray());
        assertInstanceOf(Array.class, rs.getObject(2));
        assertEquals(2, rs.getInt(3));
        assertEquals(Types.ARRAY, rs.getMetaData().getColumnType(1));
      }
    }
  }

  @Test
  void scrollInsensitiveNavigation() throws SQLException {
    try (var statement =
            connection.createStatement(
                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = statement.executeQuery("SELECT generate_series(1, 5)")) {
      assertTrue(rs.last());
      assertEquals(5, rs.getRow());
      assertTrue(rs.absolute(2));
      assertEquals(2, rs.getInt(1));
      assertTrue(rs.previous());
      assertEquals(1, rs.getInt(1));
      assertFalse(rs.previous());
      assertTrue(rs.isBeforeFirst());
      assertTrue(rs.relative(3));
      assertEquals(3, rs.getInt(1));
      rs.afterLast();
      assertTrue(rs.isAfterLast());
      assertTrue(rs.absolute(-1));
      assertEquals(5, rs.getInt(1));
    }
  }

  @Test
  void forwardOnlyRefusesScrollingAndUpdates() throws SQLException {
    try (var statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT 1 AS a")) {
      assertThrows(SQLException.class, rs::previous);
      rs.next();
      assertEquals(
          "0A000", assertThrows(SQLException.class, () -> rs.updateInt(1, 2)).getSQLState());
      assertEquals(
          "24000",
          assertThrows(
                  SQLException.class,
                  () -> {
                    rs.next();
                    rs.getInt(1);
                  })
              .getSQLState());
    }
  }

  @Test
  void labelsAreCaseInsensitiveAndUnknownOnesNamed() throws SQLException {
    ResultSet rs = one("SELECT 1 AS \"Mixed\", 2 AS lower_case");
    assertEquals(1, rs.getInt("Mixed"));
    assertEquals(1, rs.getInt("mixed"));
    assertEquals(2, rs.getInt("LOWER_CASE"));
    SQLException e = assertThrows(SQLException.class, () -> rs.getInt("nope"));
    assertTrue(e.getMessage().contains("nope"));
  }

  @Test
  void metadataNamesEachColumnsOrigin(TestSchema schema) throws SQLException {
    connection
        .createStatement()
        .execute(
            "DROP TABLE IF EXISTS origin; CREATE TABLE origin (id serial PRIMARY KEY,"
                + " name text NOT NULL, note text)");
    ResultSet rs =
        one("SELECT id, name, note, 1 AS computed FROM origin RIGHT JOIN (SELECT 1) x ON true");
    ResultSetMetaData meta = rs.getMetaData();
    assertEquals("origin", meta.getTableName(1));
    assertEquals(schema.name(), meta.getSchemaName(2));
    assertTrue(meta.isAutoIncrement(1));
    assertFalse(meta.isAutoIncrement(2));
    assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(2));
    assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(3));
    assertEquals("", meta.getTableName(4));
    assertEquals(ResultSetMetaData.columnNullableUnknown, meta.isNullable(4));
    assertEquals("_int4", one("SELECT '{1}'::int4[]").getMetaData().getColumnTypeName(1));
  }

  @Test
  void metadataDescribesColumns() throws SQLException {
    ResultSet rs =
        one(
            "SELECT 1::int4 AS i, 'x'::varchar(12) AS v, 1.5::numeric(8,3) AS n, now() AS ts,"
                + " true AS b, '{}'::text[] AS a");
    ResultSetMetaData meta = rs.getMetaData();
    assertEquals(6, meta.getColumnCount());
    assertEquals("i", meta.getColumnLabel(1));
    assertEquals(Types.INTEGER, meta.getColumnType(1));
    assertEquals("int4", meta.getColumnTypeName(1));
    assertEquals("java.lang.Integer", meta.getColumnClassName(1));
    assertEquals(Types.VARCHAR, meta.getColumnType(2));
    assertEquals(12, meta.getPrecision(2));
    assertEquals(Types.NUMERIC, meta.getColumnType(3));
    assertEquals(8, meta.getPrecision(3));
    assertEquals(3, meta.getScale(3));
    assertEquals(Types.TIMESTAMP, meta.getColumnType(4));
    assertEquals(Types.BIT, meta.getColumnType(5));
    assertEquals(Types.ARRAY, meta.getColumnType(6));
    assertTrue(meta.isSigned(1));
  }

  /**
   * Result sets of one statement share their column types while the statement's columns stay the
   * same; a column whose type changed, or another statement in between, gets its own.
   */
  @Test
  void primitiveGettersFollowAColumnWhoseTypeChanged() throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE retyped (v int4)");
      ddl.execute("INSERT INTO retyped VALUES (42)");
      String select = "SELECT v FROM retyped";
      for (int run = 0; run < 3; run++) {
        ResultSet rs = one(select);
        assertEquals(42, rs.getInt(1));
        assertInstanceOf(Integer.class, rs.getObject(1));
        rs.close();
        ResultSet other = one("SELECT 'x'::text AS t, 7::int8 AS n");
        assertEquals("x", other.getString(1));
        assertEquals(7L, other.getLong(2));
        other.close();
      }
      ddl.execute("ALTER TABLE retyped ALTER COLUMN v TYPE int8 USING v * 100000000000");
      ResultSet widened = one(select);
      assertEquals(4200000000000L, widened.getLong(1));
      assertInstanceOf(Long.class, widened.getObject(1));
      widened.close();
      ddl.execute("ALTER TABLE retyped ALTER COLUMN v TYPE text USING 'n' || v");
      ResultSet text = one(select);
      assertEquals("n4200000000000", text.getString(1));
      assertEquals(Types.VARCHAR, text.getMetaData().getColumnType(1));
      // Read as text, not as the 8 bytes of an int8: "n..." is no number.
      assertThrows(SQLDataException.class, () -> text.getLong(1));
      text.close();
    }
  }
}
