package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.it.FormatProbe;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgInterval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A statement's first run reads text results and later runs binary ones: the values must not change
 * across the switch.
 */
@TuskTest
class ResultFormatSwitchTest {

  private static final String MANY_TYPES =
      "SELECT 7::int2 AS i2, 70000::int4 AS i4, 9000000000::int8 AS i8, 1.5::float4 AS f4,"
          + " 0.1::float8 AS f8, 12345.678900::numeric AS num, 'héllo ✓'::text AS txt,"
          + " true AS flag, '\\x00ff10'::bytea AS bin,"
          + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id, DATE '2024-02-29' AS day,"
          + " TIME '13:14:15.123456' AS t, TIMETZ '13:14:15+05:30' AS ttz,"
          + " TIMESTAMP '2024-02-29 13:14:15.5' AS ts, TIMESTAMPTZ '2024-02-29 13:14:15.5+00' AS tstz,"
          + " INTERVAL '1 year 2 mons -3 days 04:05:06.5' AS iv,"
          + " '{\"b\": 1, \"a\": [true, null]}'::json AS js,"
          + " '{\"b\": 1, \"a\": [true, null]}'::jsonb AS jsb,"
          + " ARRAY[1, NULL, 3]::int4[] AS ints, ARRAY['x', NULL, 'y z', '\"q\"']::text[] AS texts,"
          + " NULL::int4 AS nothing";

  @Test
  void valuesOfEveryTypeAreTheSameInTheTextRunAndTheBinaryRuns(Connection conn) {
    // A zone other than UTC: timestamptz text carries it, binary does not.
    conn.execute("SET TimeZone = 'Asia/Kolkata'");

    Row first = conn.execute(MANY_TYPES).fetchOne();
    Row second = conn.execute(MANY_TYPES).fetchOne();
    Row third = conn.execute(MANY_TYPES).fetchOne();

    Map<String, Object> expected = expectedValues();
    assertEquals(List.copyOf(expected.keySet()), first.columnNames());
    List<Executable> checks = new ArrayList<>();
    for (Map.Entry<String, Object> column : expected.entrySet()) {
      String name = column.getKey();
      Object want = comparable(column.getValue());
      checks.add(() -> assertEquals(want, comparable(first.get(name)), name + ", first run"));
      checks.add(() -> assertEquals(want, comparable(second.get(name)), name + ", second run"));
      checks.add(() -> assertEquals(want, comparable(third.get(name)), name + ", third run"));
    }
    assertAll(checks);
  }

  @Test
  void firstRunIsTextAndLaterRunsAreBinary(Connection conn) {
    // Reading a timestamptz as String gives the server's text, in the session's zone, either way.
    conn.execute("SET TimeZone = 'Asia/Kolkata'");
    conn.types().register(FormatProbe.INSTANCE);
    String sql = "SELECT TIMESTAMPTZ '2024-02-29 13:14:15+00' AS at, 1::int4 AS format";

    Row text = conn.execute(sql).fetchOne();
    Row binary = conn.execute(sql).fetchOne();

    assertEquals("text", text.get("format"));
    assertEquals("binary", binary.get("format"));
    assertEquals("2024-02-29 18:44:15+05:30", text.get(0, String.class));
    assertEquals("2024-02-29 18:44:15+05:30", binary.get(0, String.class));
    assertEquals(binary.get(0), OffsetDateTime.parse("2024-02-29T13:14:15Z"));
  }

  @Test
  void statementWithAColumnWithoutBinaryCodecKeepsWorkingInText(Connection conn) {
    // regclass is read in text only, as the object's name.
    String sql = "SELECT 'pg_class'::regclass AS p, 5::int4 AS n";

    for (int run = 1; run <= 3; run++) {
      Row row = conn.execute(sql).fetchOne();
      assertEquals("pg_class", row.get("p"), "run " + run);
      assertEquals(5, row.get("n"), "run " + run);
    }
  }

  @Test
  void parameterizedStatementKeepsItsValuesAcrossTheSwitch(Connection conn) {
    String sql = "SELECT $1::numeric * 2 AS doubled, $2::date + 1 AS next_day";

    for (int run = 1; run <= 3; run++) {
      Row row = conn.execute(sql, new BigDecimal("1.25"), LocalDate.of(2024, 12, 31)).fetchOne();
      assertEquals(new BigDecimal("2.50"), row.get("doubled"), "run " + run);
      assertEquals(LocalDate.of(2025, 1, 1), row.get("next_day"), "run " + run);
    }
  }

  /**
   * The driver pins DateStyle and IntervalStyle at startup because it parses the first run's text;
   * once a session changes them (the server reports it) results come in binary from the first run,
   * so the values stay right. (extra_float_digits is not reported: a session that lowers it gets
   * the digits it asked the server for in a first run.)
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SET DateStyle = 'German' | SELECT DATE '2024-02-29' | 2024-02-29",
        "SET DateStyle = 'SQL, DMY' | SELECT TIMESTAMP '2024-02-29 10:00' | 2024-02-29T10:00",
        "SET IntervalStyle = 'iso_8601' | SELECT INTERVAL '1 day 2 hours' | P1DT2H"
      })
  void sessionFormatSettingsDoNotChangeWhatTheTextRunReads(
      String setting, String sql, String expected, Connection conn) {
    conn.execute(setting);

    String first = String.valueOf(conn.execute(sql).fetchOne().get(0));
    String second = String.valueOf(conn.execute(sql).fetchOne().get(0));

    assertEquals(expected, second, "binary run");
    assertEquals(expected, first, "text run");
  }

  private static Map<String, Object> expectedValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("i2", (short) 7);
    values.put("i4", 70000);
    values.put("i8", 9_000_000_000L);
    values.put("f4", 1.5f);
    values.put("f8", 0.1);
    values.put("num", new BigDecimal("12345.678900"));
    values.put("txt", "héllo ✓");
    values.put("flag", true);
    values.put("bin", new byte[] {0x00, (byte) 0xff, 0x10});
    values.put("id", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    values.put("day", LocalDate.of(2024, 2, 29));
    values.put("t", LocalTime.of(13, 14, 15, 123_456_000));
    values.put("ttz", OffsetTime.of(13, 14, 15, 0, ZoneOffset.ofHoursMinutes(5, 30)));
    values.put("ts", LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000));
    values.put("tstz", OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000, ZoneOffset.UTC));
    values.put("iv", new PgInterval(14, -3, ((4 * 60 + 5) * 60 + 6) * 1_000_000L + 500_000));
    values.put("js", Map.of("b", 1, "a", Arrays.asList(true, null)));
    values.put("jsb", Map.of("a", Arrays.asList(true, null), "b", 1));
    values.put("ints", Arrays.asList(1, null, 3));
    values.put("texts", Arrays.asList("x", null, "y z", "\"q\""));
    values.put("nothing", null);
    return values;
  }

  /** byte[] compares by identity; its hex compares by content. */
  private static Object comparable(Object value) {
    return value instanceof byte[] bytes ? "bytes " + HexFormat.of().formatHex(bytes) : value;
  }
}
