package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tusk.Connection;
import dev.tusk.testing.RequiresServerVersion;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dates, timestamps and intervals at their edges, in both result formats: infinity both ways, the
 * ends of PostgreSQL's ranges, BC dates and years past 9999, offsets with seconds in the server's
 * text, and intervals whose fields are at their limits.
 */
@TuskTest
class TemporalEdgesTest {

  /** A temporal type and the Java values that stand for its infinity and -infinity. */
  static Stream<Arguments> infinities() {
    return Stream.of(
        arguments("date", LocalDate.MAX, LocalDate.MIN),
        arguments("timestamp", LocalDateTime.MAX, LocalDateTime.MIN),
        arguments("timestamptz", OffsetDateTime.MAX, OffsetDateTime.MIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("infinities")
  void infinityDecodesToMaxAndMin(String type, Object max, Object min, Connection conn) {
    assertBothFormats(conn, "SELECT 'infinity'::" + type, args(), max);
    assertBothFormats(conn, "SELECT '-infinity'::" + type, args(), min);
    assertBothFormats(
        conn, "SELECT '{infinity,-infinity}'::" + type + "[]", args(), List.of(max, min));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("infinities")
  void maxAndMinAreSentAsInfinity(String type, Object max, Object min, Connection conn) {
    String sql = "SELECT $1::" + type + "::text, $1 = 'infinity'::" + type + ", $1::" + type;
    forEachFormat(
        conn,
        sql,
        args(max),
        (format, row) -> {
          assertEquals("infinity", row.getString(0), format::name);
          assertTrue(row.getBoolean(1), format::name);
          assertEquals(max, row.get(2), format::name);
        });
    ServerText.assertSameAsLiteral(conn, type, min, "-infinity");
    ServerText.assertSameAsLiteral(conn, type + "[]", List.of(max, min), "{infinity,-infinity}");
  }

  @Test
  void instantMaxAndMinAreSentAsInfinity(Connection conn) {
    ServerText.assertSameAsLiteral(conn, "timestamptz", Instant.MAX, "infinity");
    ServerText.assertSameAsLiteral(conn, "timestamptz", Instant.MIN, "-infinity");
  }

  /** A literal at an end of a type's range and the Java value for it. */
  static Stream<Arguments> rangeEnds() {
    return Stream.of(
        arguments("date", "4714-11-24 BC", LocalDate.of(-4713, 11, 24)),
        arguments("date", "0001-12-31 BC", LocalDate.of(0, 12, 31)),
        arguments("date", "5874897-12-31", LocalDate.of(5_874_897, 12, 31)),
        arguments("date", "10000-01-01", LocalDate.of(10_000, 1, 1)),
        arguments("timestamp", "4714-11-24 00:00:00 BC", LocalDateTime.of(-4713, 11, 24, 0, 0)),
        arguments(
            "timestamp",
            "294276-12-31 23:59:59.999999",
            LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000)),
        arguments(
            "timestamptz",
            "4714-11-24 00:00:00+00 BC",
            OffsetDateTime.of(-4713, 11, 24, 0, 0, 0, 0, ZoneOffset.UTC)),
        arguments(
            "timestamptz",
            "294276-12-31 23:59:59.999999+00",
            OffsetDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC)),
        arguments(
            "timestamptz",
            "12345-06-07 08:09:10+00",
            OffsetDateTime.of(12_345, 6, 7, 8, 9, 10, 0, ZoneOffset.UTC)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rangeEnds")
  void rangeEndsRoundTrip(String type, String literal, Object value, Connection conn) {
    conn.execute("SET TimeZone = 'UTC'");
    assertBothFormats(conn, "SELECT $1::" + type, args(literal), value);
    assertBothFormats(conn, "SELECT $1::" + type, args(value), value);
    ServerText.assertSameAsLiteral(conn, type, value, literal);
  }

  /** Zones whose local mean time had seconds in its offset, and how the server writes a time. */
  static Stream<Arguments> offsetsWithSeconds() {
    return Stream.of(
        arguments("Africa/Monrovia", 1900, "1900-06-01 11:16:52-00:43:08"),
        arguments("Asia/Kolkata", 1850, "1850-06-01 17:53:28+05:53:28"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offsetsWithSeconds")
  void timestamptzTextWithSecondsInItsOffsetDecodesExactly(
      String zone, int year, String serverText, Connection conn) {
    conn.execute("SET TimeZone = '" + zone + "'");
    OffsetDateTime utc = OffsetDateTime.of(year, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    forEachFormat(
        conn,
        "SELECT $1::timestamptz, $1::timestamptz::text, ARRAY[$1::timestamptz]",
        args(utc),
        (format, row) -> {
          assertEquals(utc, row.get(0), format::name);
          assertEquals(serverText, row.getString(1), format::name);
          assertEquals(List.of(utc), row.get(2), format::name);
        });
  }

  /** Intervals whose fields sit at the ends of their ranges, without being infinite. */
  static Stream<Arguments> extremeIntervals() {
    return Stream.of(
        arguments(new PgInterval(0, 0, Long.MIN_VALUE), "-2562047788:00:54.775808"),
        arguments(new PgInterval(0, 0, Long.MAX_VALUE), "2562047788:00:54.775807"),
        arguments(
            new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, 0),
            "-178956970 years -8 mons -2147483648 days"),
        arguments(
            new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE - 1),
            "178956970 years 7 mons 2147483647 days 2562047788:00:54.775806"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("extremeIntervals")
  void extremeIntervalsRoundTrip(PgInterval value, String serverText, Connection conn) {
    assertBothFormats(conn, "SELECT $1::interval", args(value), value);
    assertBothFormats(conn, "SELECT $1::interval", args(value), String.class, serverText);
    // Not through a literal: the server cannot read back its own text for Long.MIN_VALUE.
    assertBothFormats(conn, "SELECT $1::interval::text", args(value), serverText);
  }

  @Test
  @RequiresServerVersion(min = 170000)
  void infiniteIntervalsRoundTrip(Connection conn) {
    assertBothFormats(conn, "SELECT 'infinity'::interval", args(), PgInterval.INFINITY);
    assertBothFormats(conn, "SELECT '-infinity'::interval", args(), PgInterval.NEGATIVE_INFINITY);
    ServerText.assertSameAsLiteral(conn, "interval", PgInterval.INFINITY, "infinity");
    ServerText.assertSameAsLiteral(conn, "interval", PgInterval.NEGATIVE_INFINITY, "-infinity");
  }
}
