package dev.tusk.it.types;

import static dev.tusk.it.types.ServerText.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Arbitrary numbers sent as parameters: they come back equal in both result formats, the server
 * prints them as it prints their literals, and the driver renders them as the server does.
 */
class NumberPropertiesTest {

  private Connection conn;

  @BeforeProperty
  void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
  }

  @AfterProperty
  void close() {
    conn.close();
  }

  @Property(tries = 150)
  void int2RoundTrips(@ForAll short value) {
    assertRoundTrip(conn, "int2", value, Short.toString(value), value);
  }

  @Property(tries = 150)
  void int4RoundTrips(@ForAll int value) {
    assertRoundTrip(conn, "int4", value, Integer.toString(value), value);
  }

  @Property(tries = 150)
  void int8RoundTrips(@ForAll long value) {
    assertRoundTrip(conn, "int8", value, Long.toString(value), value);
  }

  /**
   * The text format carries floats exactly because the server's default (1, from PostgreSQL 12 on)
   * is the shortest exact text; Tusk no longer sets it at start-up, which pgbouncer refuses.
   */
  @Example
  void sessionUsesShortestExactFloatText() {
    String digits = (String) conn.execute("SHOW extra_float_digits").fetchOne().get(0);
    assertTrue(Integer.parseInt(digits) >= 1, digits);
  }

  @Property(tries = 300)
  void float8RoundTripsExactly(@ForAll("doubles") double value) {
    assertRoundTrip(conn, "float8", value, Double.toString(value), value);
  }

  @Property(tries = 300)
  void float4RoundTripsExactly(@ForAll("floats") float value) {
    assertRoundTrip(conn, "float4", value, Float.toString(value), value);
  }

  /**
   * numeric keeps a non-negative scale; a negative one (1E+5) comes back as scale 0, since
   * PostgreSQL's display scale cannot be negative.
   */
  @Property(tries = 250)
  void numericRoundTripsWithItsScale(@ForAll("decimals") BigDecimal value) {
    BigDecimal expected = value.setScale(Math.max(value.scale(), 0));
    assertRoundTrip(conn, "numeric", value, value.toString(), expected);
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().withStandardSpecialValues().withSpecialValue(-0.0),
        Arbitraries.longs().map(Double::longBitsToDouble),
        subnormalDoubles(),
        shortDecimals(-20, 308).map(Double::parseDouble),
        shortDecimals(15, 25).map(Double::parseDouble),
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE));
  }

  @Provide
  Arbitrary<Float> floats() {
    return Arbitraries.oneOf(
        Arbitraries.floats().withStandardSpecialValues().withSpecialValue(-0.0f),
        Arbitraries.integers().map(Float::intBitsToFloat),
        subnormalFloats(),
        shortDecimals(-20, 38).map(Float::parseFloat),
        shortDecimals(7, 15).map(Float::parseFloat),
        Arbitraries.of(
            Float.NaN,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            -0.0f,
            Float.MIN_VALUE,
            Float.MAX_VALUE));
  }

  /**
   * Decimals of up to three digits such as {@code 4.73e21}, as people write them. Beyond 2^53 (2^24
   * for float4) the value they read as may lie exactly halfway between such a decimal and its
   * neighbour, where Java's and the server's shortest text part ways; exponents from 15 to 25 (7 to
   * 15) hit that often.
   */
  private static Arbitrary<String> shortDecimals(int minExponent, int maxExponent) {
    return Combinators.combine(
            Arbitraries.integers().between(-999, 999),
            Arbitraries.integers().between(minExponent, maxExponent))
        .as((digits, exponent) -> digits + "e" + exponent);
  }

  /** Subnormals of either sign, the smallest ones (one or two digits long) often. */
  private static Arbitrary<Double> subnormalDoubles() {
    Arbitrary<Long> fractions =
        Arbitraries.oneOf(
            Arbitraries.longs().between(1, 30), Arbitraries.longs().between(1, (1L << 52) - 1));
    return Combinators.combine(fractions, Arbitraries.of(0L, Long.MIN_VALUE))
        .as((fraction, sign) -> Double.longBitsToDouble(sign | fraction));
  }

  private static Arbitrary<Float> subnormalFloats() {
    Arbitrary<Integer> fractions =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 30),
            Arbitraries.integers().between(1, (1 << 23) - 1));
    return Combinators.combine(fractions, Arbitraries.of(0, Integer.MIN_VALUE))
        .as((fraction, sign) -> Float.intBitsToFloat(sign | fraction));
  }

  /** Up to 120 significant digits and scales from -60 to 200. */
  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled =
        Combinators.combine(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(120),
                Arbitraries.of(true, false))
            .as((digits, negative) -> new BigInteger((negative ? "-" : "") + digits));
    Arbitrary<Integer> scales =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 12)),
            Tuple.of(2, Arbitraries.integers().between(-60, 200)));
    return Combinators.combine(unscaled, scales).as(BigDecimal::new);
  }
}
