package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatCodecsTest {

  @Test
  void binaryIsTheIeeeBits() {
    assertEquals("3ff8000000000000", hex(binary(FloatCodecs.FLOAT8, 1.5)));
    assertEquals("3fc00000", hex(binary(FloatCodecs.FLOAT4, 1.5f)));
    assertEquals(
        Double.NEGATIVE_INFINITY, decodeBinary(FloatCodecs.FLOAT8, hex("fff0000000000000")));
    assertEquals(Float.POSITIVE_INFINITY, decodeBinary(FloatCodecs.FLOAT4, hex("7f800000")));
    assertEquals(Double.NaN, decodeBinary(FloatCodecs.FLOAT8, hex("7ff8000000000000")));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "100, 100",
    "0.1, 0.1",
    "1e15, 1e+15",
    "123456789012345, 123456789012345",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e-100, 1e-100",
    "-2.5e300, -2.5e+300",
    "12345678901234567890, 1.2345678901234567e+19",
    "3.141592653589793, 3.141592653589793",
    "-0.0, -0",
    "0, 0",
    "NaN, NaN",
    "Infinity, Infinity",
    "-Infinity, -Infinity"
  })
  void float8TextIsThePostgresRendering(double value, String text) {
    assertEquals(text, FloatCodecs.FLOAT8.encodeText(value));
    assertEquals(value, decodeText(FloatCodecs.FLOAT8, text));
  }

  @ParameterizedTest
  @CsvSource({
    "1e6, 1e+06",
    "123456, 123456",
    "0.1, 0.1",
    "3.4028235e38, 3.4028235e+38",
    "-1.25e-7, -1.25e-07",
    "NaN, NaN",
    "-Infinity, -Infinity"
  })
  void float4TextIsThePostgresRendering(float value, String text) {
    assertEquals(text, FloatCodecs.FLOAT4.encodeText(value));
    assertEquals(value, decodeText(FloatCodecs.FLOAT4, text));
  }

  /** One digit where it reads back exactly, as the server writes, though Java writes two. */
  @ParameterizedTest
  @CsvSource({"4.9E-324, 5e-324", "9.9E-324, 1e-323", "1.5E-323, 1.5e-323", "-2.0E-323, -2e-323"})
  void float8SmallestSubnormalsHaveTheShortestText(double value, String text) {
    assertEquals(text, FloatCodecs.FLOAT8.encodeText(value));
    assertEquals(value, decodeText(FloatCodecs.FLOAT8, text));
  }

  @ParameterizedTest
  @CsvSource({"1.4E-45, 1e-45", "2.8E-45, 3e-45", "4.2E-45, 4e-45", "1.1E-44, 1.1e-44"})
  void float4SmallestSubnormalsHaveTheShortestText(float value, String text) {
    assertEquals(text, FloatCodecs.FLOAT4.encodeText(value));
    assertEquals(value, decodeText(FloatCodecs.FLOAT4, text));
  }

  /** The server never takes a midpoint between two floats, which Java's toString may. */
  @ParameterizedTest
  @CsvSource({
    "5E22, 4.9999999999999996e+22",
    "4.73E21, 4.729999999999999e+21",
    "4.75E21, 4.750000000000001e+21",
    "3.039653702888685E16, 3.0396537028886848e+16",
    "-9.06572500484728E17, -9.065725004847281e+17"
  })
  void float8NeverEndsOnAMidpoint(double value, String text) {
    assertEquals(text, FloatCodecs.FLOAT8.encodeText(value));
    assertEquals(value, decodeText(FloatCodecs.FLOAT8, text));
  }

  @ParameterizedTest
  @CsvSource({
    "3.355445E7, 3.3554448e+07",
    "2.15E9, 2.1500001e+09",
    "6.211449E7, 6.2114488e+07",
    "-1.3060686E8, -1.30606864e+08"
  })
  void float4NeverEndsOnAMidpoint(float value, String text) {
    assertEquals(text, FloatCodecs.FLOAT4.encodeText(value));
    assertEquals(value, decodeText(FloatCodecs.FLOAT4, text));
  }

  @Test
  void rejectsText() {
    assertThrows(DataError.class, () -> decodeText(FloatCodecs.FLOAT8, "one"));
    assertThrows(DataError.class, () -> decodeText(FloatCodecs.FLOAT4, ""));
  }

  @Property
  void float8RoundTrips(@ForAll("doubles") double value) {
    assertEquals(value, Wire.binaryRoundTrip(FloatCodecs.FLOAT8, value));
    assertEquals(value, Wire.textRoundTrip(FloatCodecs.FLOAT8, value));
  }

  @Property
  void float4RoundTrips(@ForAll("floats") float value) {
    assertEquals(value, Wire.binaryRoundTrip(FloatCodecs.FLOAT4, value));
    assertEquals(value, Wire.textRoundTrip(FloatCodecs.FLOAT4, value));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d)),
        Arbitraries.doubles(),
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
        Arbitraries.integers().map(Float::intBitsToFloat).filter(f -> !Float.isNaN(f)),
        Arbitraries.of(
            Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE));
  }
}
