package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericCodecTest {

  /** Layouts as numeric_send writes them: ndigits, weight, sign, dscale, then base-10000 digits. */
  @ParameterizedTest
  @CsvSource({
    "12345.678, 0003 0001 0000 0003 0001 0929 1a7c",
    "-0.01, 0001 ffff 4000 0002 0064",
    "0, 0000 0000 0000 0000",
    "0.00, 0000 0000 0000 0002",
    "1e-20, 0001 fffb 0000 0014 0001",
    "10000, 0001 0001 0000 0000 0001",
    "1.5, 0002 0000 0000 0001 0001 1388",
    "-99999999.99999999, 0004 0001 4000 0008 270f 270f 270f 270f"
  })
  void binaryLayout(String decimal, String layout) {
    BigDecimal value = new BigDecimal(decimal);
    assertEquals(layout.replace(" ", ""), hex(binary(NumericCodec.INSTANCE, value)));
    Number decoded = decodeBinary(NumericCodec.INSTANCE, hex(layout));
    assertEquals(value, decoded);
  }

  @Test
  void negativeScaleIsSentWithDisplayScaleZero() {
    BigDecimal value = new BigDecimal("1E+5");
    assertEquals(
        "0001 0001 0000 0000 000a".replace(" ", ""), hex(binary(NumericCodec.INSTANCE, value)));
    assertEquals(new BigDecimal("100000"), Wire.binaryRoundTrip(NumericCodec.INSTANCE, value));
  }

  @Test
  void hugeScaleAndPrecisionSurvive() {
    BigDecimal tiny = new BigDecimal(BigInteger.ONE, 1000);
    assertEquals(tiny, Wire.binaryRoundTrip(NumericCodec.INSTANCE, tiny));
    BigDecimal manyDigits = new BigDecimal("-" + "9".repeat(300) + "." + "1234567890".repeat(30));
    assertEquals(manyDigits, Wire.binaryRoundTrip(NumericCodec.INSTANCE, manyDigits));
    assertEquals(manyDigits, Wire.textRoundTrip(NumericCodec.INSTANCE, manyDigits));
  }

  @Test
  void displayScaleBeyondTheLimitIsADataError() {
    BigDecimal value = new BigDecimal(BigInteger.ONE, 16384);
    DataError error = assertThrows(DataError.class, () -> binary(NumericCodec.INSTANCE, value));
    assertTrue(error.getMessage().contains("16383"), error.getMessage());
  }

  /** NaN and the infinities read as Doubles in both formats, and are sent as themselves. */
  @ParameterizedTest
  @CsvSource({"c000, NaN", "d000, Infinity", "f000, -Infinity"})
  void specialValuesAreDoubles(String sign, String name) {
    byte[] binary = hex("0000 0000 " + sign + " 0000");
    assertEquals(Double.valueOf(name), decodeBinary(NumericCodec.INSTANCE, binary));
    assertEquals(Double.valueOf(name), decodeText(NumericCodec.INSTANCE, name));
    assertEquals(hex(binary), hex(binary(NumericCodec.INSTANCE, Double.valueOf(name))));
    assertEquals(name, NumericCodec.INSTANCE.encodeText(Double.valueOf(name)));
  }

  @Test
  void otherNumbersAreSentExactly() {
    assertEquals(new BigDecimal("12"), Wire.binaryRoundTrip(NumericCodec.INSTANCE, 12));
    assertEquals(new BigDecimal("0.1"), Wire.binaryRoundTrip(NumericCodec.INSTANCE, 0.1));
    assertEquals(
        new BigDecimal("123456789012345678901234567890"),
        Wire.binaryRoundTrip(
            NumericCodec.INSTANCE, new BigInteger("123456789012345678901234567890")));
  }

  @Test
  void parsesText() {
    assertEquals(new BigDecimal("-0.0100"), decodeText(NumericCodec.INSTANCE, "-0.0100"));
    assertEquals(new BigDecimal("123"), decodeText(NumericCodec.INSTANCE, "123"));
    assertThrows(DataError.class, () -> decodeText(NumericCodec.INSTANCE, "12,5"));
  }

  @Test
  void rejectsCorruptBinary() {
    assertThrows(DataError.class, () -> decodeBinary(NumericCodec.INSTANCE, hex("0001 0000")));
    assertThrows(
        DataError.class,
        () -> decodeBinary(NumericCodec.INSTANCE, hex("0001 0000 0000 0000 2710")));
    assertThrows(
        DataError.class,
        () -> decodeBinary(NumericCodec.INSTANCE, hex("0002 0000 0000 0000 0001")));
  }

  @Property
  void roundTripsKeepingTheDisplayScale(@ForAll("decimals") BigDecimal value) {
    BigDecimal expected = value.setScale(Math.max(value.scale(), 0));
    assertEquals(expected, Wire.binaryRoundTrip(NumericCodec.INSTANCE, value));
    assertEquals(expected, Wire.textRoundTrip(NumericCodec.INSTANCE, value));
  }

  /**
   * Values of up to 15 digits take a fast path; read back by the decoder (which binaryLayout checks
   * against numeric_send's bytes) they keep their digits and display scale.
   */
  @Property
  void compactValuesRoundTrip(@ForAll("compactDecimals") BigDecimal value) {
    assertEquals(value, Wire.binaryRoundTrip(NumericCodec.INSTANCE, value));
  }

  @Provide
  Arbitrary<BigDecimal> compactDecimals() {
    return Combinators.combine(
            Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L),
            Arbitraries.integers().between(0, 24))
        .as(BigDecimal::valueOf);
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.oneOf(
            Arbitraries.bigIntegers()
                .between(BigInteger.valueOf(-100_000), BigInteger.valueOf(100_000)),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(60).negate(), BigInteger.TEN.pow(60)));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-40, 80))
        .as(BigDecimal::new);
  }
}
