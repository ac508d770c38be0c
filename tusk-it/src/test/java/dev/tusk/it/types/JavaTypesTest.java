package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.assertBothFormats;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgInterval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java types other than a PostgreSQL type's default: values of them sent as parameters decode to
 * the type's default Java class, and columns read as them through {@code get(index, type)}, in both
 * result formats.
 */
@TuskTest
class JavaTypesTest {

  private static final OffsetDateTime NOON_UTC =
      OffsetDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  /** PostgreSQL type, a Java value sent as it, and what the column then decodes to by default. */
  static Stream<Arguments> sent() {
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    return Stream.of(
        arguments("timestamptz", NOON_UTC.toInstant(), NOON_UTC),
        arguments(
            "timestamptz", ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC), OffsetDateTime.MAX),
        arguments("timestamptz", NOON_UTC.atZoneSameInstant(ZoneId.of("Europe/Paris")), NOON_UTC),
        arguments(
            "timestamptz",
            OffsetDateTime.of(2024, 7, 1, 3, 30, 0, 0, ZoneOffset.ofHoursMinutes(-8, -30)),
            NOON_UTC),
        arguments(
            "numeric",
            new BigInteger("-123456789012345678901234567890"),
            new BigDecimal("-123456789012345678901234567890")),
        arguments("numeric", new BigDecimal("1E+5"), new BigDecimal("100000")),
        arguments("numeric", new BigDecimal("1.000"), new BigDecimal("1.000")),
        arguments("text", 'x', "x"),
        arguments(
            "interval",
            Duration.ofHours(36).plusNanos(1_500),
            new PgInterval(0, 0, 129_600_000_002L)),
        arguments("bool[]", new boolean[] {true, false}, List.of(true, false)),
        arguments("int2[]", new short[] {1, -2}, List.of((short) 1, (short) -2)),
        arguments("int4[]", new int[] {1, -2, 3}, List.of(1, -2, 3)),
        arguments("int8[]", new long[] {Long.MIN_VALUE}, List.of(Long.MIN_VALUE)),
        arguments("float4[]", new float[] {1.5f, Float.NaN}, List.of(1.5f, Float.NaN)),
        arguments("float8[]", new double[] {-0.0, 1e300}, List.of(-0.0, 1e300)),
        arguments("int4[]", new int[0], List.of()),
        arguments("text[]", new String[] {"a", null, ""}, Arrays.asList("a", null, "")),
        arguments("uuid[]", new UUID[] {uuid}, List.of(uuid)),
        arguments("timestamptz[]", new Instant[] {NOON_UTC.toInstant()}, List.of(NOON_UTC)),
        arguments("numeric[]", List.of(BigInteger.TEN), List.of(BigDecimal.TEN)));
  }

  @ParameterizedTest(name = "{0} sent as {1}")
  @MethodSource("sent")
  void sentValueDecodesToTheDefaultClass(
      String type, Object value, Object expected, Connection conn) {
    assertBothFormats(conn, "SELECT $1::" + type, args(value), expected);
  }

  /** A SELECT, the Java type to read its column as, and the value expected. */
  static Stream<Arguments> readAs() {
    return Stream.of(
        arguments(
            "SELECT '2024-07-01 14:00:00+02'::timestamptz", Instant.class, NOON_UTC.toInstant()),
        arguments(
            "SELECT '2024-07-01 14:00:00+02'::timestamptz",
            ZonedDateTime.class,
            NOON_UTC.toZonedDateTime()),
        arguments("SELECT 'infinity'::timestamptz", Instant.class, Instant.MAX),
        arguments("SELECT '-infinity'::timestamptz", Instant.class, Instant.MIN),
        arguments(
            "SELECT 'infinity'::timestamptz",
            ZonedDateTime.class,
            ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC)),
        arguments("SELECT 7::int2", Integer.class, 7),
        arguments("SELECT 7::int2", long.class, 7L),
        arguments("SELECT 100000::int4", Long.class, 100_000L),
        arguments("SELECT 100000::int4", BigDecimal.class, new BigDecimal("100000")),
        arguments("SELECT 2.5::numeric", Double.class, 2.5),
        arguments("SELECT 12::numeric", Integer.class, 12),
        arguments("SELECT 'NaN'::numeric", Double.class, Double.NaN),
        arguments("SELECT '-Infinity'::numeric", Double.class, Double.NEGATIVE_INFINITY),
        arguments("SELECT 0.5::float4", Double.class, 0.5),
        arguments("SELECT 0.1::float8", BigDecimal.class, new BigDecimal("0.1")),
        arguments("SELECT 42::int4", String.class, "42"),
        arguments("SELECT true", String.class, "t"),
        arguments("SELECT 1.50::numeric", String.class, "1.50"),
        arguments("SELECT '4 days 03:00:00'::interval", String.class, "4 days 03:00:00"),
        arguments("SELECT '{1,NULL,3}'::int4[]", Integer[].class, new Integer[] {1, null, 3}),
        arguments("SELECT '{1,2,3}'::int4[]", int[].class, new int[] {1, 2, 3}),
        arguments("SELECT '{1,2}'::int4[]", long[].class, new long[] {1, 2}),
        arguments("SELECT '{1.5,NaN}'::numeric[]", Double[].class, new Double[] {1.5, Double.NaN}),
        arguments("SELECT '{a,\"b c\"}'::text[]", String[].class, new String[] {"a", "b c"}));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("readAs")
  <T> void columnReadsAsAnotherJavaType(String sql, Class<T> type, T expected, Connection conn) {
    assertBothFormats(conn, sql, args(), type, expected);
  }
}
