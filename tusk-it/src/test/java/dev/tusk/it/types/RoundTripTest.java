package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgInterval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every core type, and a one-dimensional array of each with NULLs: a Java value sent as a parameter
 * comes back equal and as the type's Java class in both result formats, the server prints it as it
 * prints a literal of the same value, and the driver renders it as the server does.
 */
@TuskTest
class RoundTripTest {

  private static final long HOUR = 3_600_000_000L;

  /** PostgreSQL type, Java value, and a literal of the same value for the type's input function. */
  static Stream<Arguments> scalars() {
    return Stream.of(
        arguments("bool", true, "true"),
        arguments("bool", false, "f"),
        arguments("int2", Short.MIN_VALUE, "-32768"),
        arguments("int2", Short.MAX_VALUE, "32767"),
        arguments("int4", Integer.MIN_VALUE, "-2147483648"),
        arguments("int4", 42, "+42"),
        arguments("int8", Long.MAX_VALUE, "9223372036854775807"),
        arguments("int8", Long.MIN_VALUE, "-9223372036854775808"),
        arguments("float4", 0.1f, "0.1"),
        arguments("float4", Float.MIN_VALUE, "1.4e-45"),
        arguments("float4", Float.MAX_VALUE, "3.4028235e38"),
        arguments("float4", 123456.7f, "123456.7"),
        arguments("float4", 1234567f, "1234567"),
        arguments("float4", 0.0001f, "1e-4"),
        arguments("float8", 0.1, "0.1"),
        arguments("float8", 1e-5, "0.00001"),
        arguments("float8", 123456789012345.6, "123456789012345.6"),
        arguments("float8", 1e15, "1000000000000000"),
        arguments("float8", Double.MIN_VALUE, "4.9e-324"),
        arguments("float8", -Double.MAX_VALUE, "-1.7976931348623157e308"),
        arguments("numeric", new BigDecimal("1.50"), "1.50"),
        arguments("numeric", new BigDecimal("-0.000001"), "-1e-6"),
        arguments("numeric", new BigDecimal("0.00"), "0.00"),
        arguments("numeric", new BigDecimal("10000"), "10000"),
        arguments(
            "numeric",
            new BigDecimal("-123456789012345678901234567890.12345678901234567890"),
            "-123456789012345678901234567890.12345678901234567890"),
        arguments("text", "héllo wörld \uD83D\uDC18 ✓", "héllo wörld \uD83D\uDC18 ✓"),
        arguments("text", "", ""),
        arguments("text", " {\"quoted\", back\\slash} ", " {\"quoted\", back\\slash} "),
        arguments("varchar", "varying", "varying"),
        arguments("bpchar", "fixed", "fixed"),
        arguments("name", "pg_class", "pg_class"),
        arguments("\"char\"", "r", "r"),
        arguments("bytea", new byte[] {0, 1, (byte) 0xff, '\\', 'a'}, "\\x0001FF5c61"),
        arguments("bytea", new byte[0], "\\x"),
        arguments(
            "uuid",
            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            "{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}"),
        arguments("date", LocalDate.of(2024, 2, 29), "2024-02-29"),
        arguments("date", LocalDate.of(-43, 3, 15), "0044-03-15 BC"),
        arguments("date", LocalDate.of(12345, 6, 7), "12345-06-07"),
        arguments("time", LocalTime.of(13, 45, 6, 789_012_000), "13:45:06.789012"),
        arguments("time", LocalTime.MIDNIGHT, "00:00"),
        arguments(
            "timetz",
            OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
            "10:00:00+05:30"),
        arguments(
            "timetz",
            OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutesSeconds(-1, -2, -3)),
            "23:59:59.999999-01:02:03"),
        arguments(
            "timestamp",
            LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
            "2024-01-02 03:04:05.123456"),
        arguments("timestamp", LocalDateTime.of(-4712, 1, 1, 12, 0), "4713-01-01 12:00:00 BC"),
        arguments(
            "timestamptz",
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6_000, ZoneOffset.UTC),
            "2024-01-02 04:04:05.000006+01"),
        arguments(
            "interval",
            new PgInterval(14, -3, 4 * HOUR + 500_000),
            "1 year 2 mons -3 days 04:00:00.5"),
        arguments("interval", new PgInterval(-1, 0, -HOUR - 1), "-1 mon -01:00:00.000001"),
        arguments("interval", PgInterval.ZERO, "0"),
        arguments(
            "json",
            jsonObject("a", Arrays.asList(true, null), "b", 1),
            "{\"a\": [true, null], \"b\": 1}"),
        arguments("jsonb", jsonObject("a", 2, "b", List.of(1, "x")), "{\"b\":[1,\"x\"],\"a\":2}"),
        arguments("oid", 4294967295L, "4294967295"));
  }

  /** A JSON object with two members in this order. */
  private static Map<String, Object> jsonObject(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put(k1, v1);
    object.put(k2, v2);
    return object;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("scalars")
  void valueComesBackAsItsTypesJavaClass(
      String type, Object value, String literal, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    assertBothFormats(conn, "SELECT $1::" + type, args(value), value);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("scalars")
  void serverPrintsTheParameterAsItPrintsTheLiteral(
      String type, Object value, String literal, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    ServerText.assertSameAsLiteral(conn, type, value, literal);
  }

  @ParameterizedTest(name = "{0}[] {2}")
  @MethodSource("scalars")
  void arrayWithNullsComesBackEqual(String type, Object value, String literal, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    List<Object> array = Arrays.asList(value, null, value);
    assertBothFormats(conn, "SELECT $1::" + type + "[]", args(array), array);
    String element = quoted(literal);
    ServerText.assertSameAsLiteral(
        conn, type + "[]", array, "{" + element + ",NULL," + element + "}");
  }

  /** An array_in element: always quoted, with {@code "} and {@code \} escaped. */
  private static String quoted(String literal) {
    return '"' + literal.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
