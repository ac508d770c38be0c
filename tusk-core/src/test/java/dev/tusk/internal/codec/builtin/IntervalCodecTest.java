package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.types.PgInterval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntervalCodecTest {

  private static final long HOUR = 3_600_000_000L;

  @Test
  void binaryIsMicrosecondsDaysMonths() {
    PgInterval value = new PgInterval(14, -3, 14_706_500_000L);
    String expected = String.format("%016x", 14_706_500_000L) + "fffffffd" + "0000000e";
    assertEquals(expected, hex(binary(IntervalCodec.INSTANCE, value)));
    assertEquals(value, decodeBinary(IntervalCodec.INSTANCE, hex(expected)));
  }

  /** Renderings as the server writes them with IntervalStyle = postgres. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "14 | -3 | 14706500000 | 1 year 2 mons -3 days +04:05:06.5",
        "0 | 0 | -1000000 | -00:00:01",
        "0 | 0 | 0 | 00:00:00",
        "0 | 1 | 0 | 1 day",
        "-14 | 0 | 0 | -1 years -2 mons",
        "0 | 0 | 360000000000 | 100:00:00",
        "1 | 0 | 0 | 1 mon",
        "0 | -1 | 3600000000 | -1 days +01:00:00",
        "-1 | 1 | 0 | -1 mons +1 day",
        "24 | 0 | 500000 | 2 years 00:00:00.5",
        "0 | 0 | -1 | -00:00:00.000001",
        "0 | 0 | -9223372036854775808 | -2562047788:00:54.775808",
        "0 | 0 | 9223372036854775807 | 2562047788:00:54.775807",
        "-2147483648 | -2147483648 | 0 | -178956970 years -8 mons -2147483648 days"
      })
  void textIsThePostgresStyle(int months, int days, long micros, String text) {
    PgInterval value = new PgInterval(months, days, micros);
    assertEquals(text, IntervalCodec.INSTANCE.encodeText(value));
    assertEquals(value, decodeText(IntervalCodec.INSTANCE, text));
  }

  @Test
  void parsesVariants() {
    assertEquals(
        new PgInterval(14, -3, 4 * HOUR + 306_500_000L),
        decodeText(IntervalCodec.INSTANCE, "1 year 2 mons -3 days 04:05:06.5"));
    assertEquals(PgInterval.INFINITY, decodeText(IntervalCodec.INSTANCE, "infinity"));
    assertEquals(PgInterval.NEGATIVE_INFINITY, decodeText(IntervalCodec.INSTANCE, "-infinity"));
    assertEquals("-infinity", IntervalCodec.INSTANCE.encodeText(PgInterval.NEGATIVE_INFINITY));
    assertEquals(
        new PgInterval(0, 0, 2_562_047_788L * HOUR + 54_775_807L),
        decodeText(IntervalCodec.INSTANCE, "2562047788:00:54.775807"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1", "1 week", "1 year,", "04:05", "00:60:00", "1 day  2 days", "@ 1 day"})
  void rejectsMalformedText(String text) {
    assertThrows(DataError.class, () -> decodeText(IntervalCodec.INSTANCE, text));
  }

  @Property
  void roundTrips(@ForAll("intervals") PgInterval value) {
    assertEquals(value, Wire.binaryRoundTrip(IntervalCodec.INSTANCE, value));
    assertEquals(value, Wire.textRoundTrip(IntervalCodec.INSTANCE, value));
  }

  @Provide
  Arbitrary<PgInterval> intervals() {
    return Combinators.combine(
            Arbitraries.integers(),
            Arbitraries.integers(),
            Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-100 * HOUR, 100 * HOUR),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE)))
        .as(PgInterval::new);
  }
}
