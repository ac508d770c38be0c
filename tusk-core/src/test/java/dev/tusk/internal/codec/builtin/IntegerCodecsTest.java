package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegerCodecsTest {

  @Test
  void binaryLayoutIsBigEndianTwosComplement() {
    assertEquals("0102", hex(binary(IntegerCodecs.INT2, (short) 0x0102)));
    assertEquals("ffffffff", hex(binary(IntegerCodecs.INT4, -1)));
    assertEquals("8000000000000000", hex(binary(IntegerCodecs.INT8, Long.MIN_VALUE)));
    assertEquals((short) -2, decodeBinary(IntegerCodecs.INT2, hex("fffe")));
    assertEquals(0x01020304, decodeBinary(IntegerCodecs.INT4, hex("01020304")));
    assertEquals(Long.MAX_VALUE, decodeBinary(IntegerCodecs.INT8, hex("7fffffffffffffff")));
  }

  @Test
  void binaryOfTheWrongSizeIsADataError() {
    DataError error =
        assertThrows(DataError.class, () -> decodeBinary(IntegerCodecs.INT4, hex("0102")));
    assertTrue(error.getMessage().contains("int4"), error.getMessage());
  }

  @Test
  void parsesTextIncludingTheExtremes() {
    assertEquals(Integer.MIN_VALUE, decodeText(IntegerCodecs.INT4, "-2147483648"));
    assertEquals(Integer.MAX_VALUE, decodeText(IntegerCodecs.INT4, "2147483647"));
    assertEquals(Long.MIN_VALUE, decodeText(IntegerCodecs.INT8, "-9223372036854775808"));
    assertEquals(Long.MAX_VALUE, decodeText(IntegerCodecs.INT8, "9223372036854775807"));
    assertEquals((short) -32768, decodeText(IntegerCodecs.INT2, "-32768"));
    assertEquals(5, decodeText(IntegerCodecs.INT4, "+5"));
    assertEquals(0, decodeText(IntegerCodecs.INT4, "-0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", "12a", " 1", "1.0", "2147483648", "-2147483649", "--1"})
  void rejectsTextThatIsNotAnInt4(String text) {
    DataError error = assertThrows(DataError.class, () -> decodeText(IntegerCodecs.INT4, text));
    assertTrue(error.getMessage().contains("int4"), error.getMessage());
  }

  @Test
  void rejectsInt8Overflow() {
    assertThrows(DataError.class, () -> decodeText(IntegerCodecs.INT8, "9223372036854775808"));
    assertThrows(DataError.class, () -> decodeText(IntegerCodecs.INT8, "-9223372036854775809"));
  }

  @Property
  void int2RoundTrips(@ForAll short value) {
    assertEquals(value, Wire.binaryRoundTrip(IntegerCodecs.INT2, value));
    assertEquals(value, Wire.textRoundTrip(IntegerCodecs.INT2, value));
  }

  @Property
  void int4RoundTrips(@ForAll int value) {
    assertEquals(value, Wire.binaryRoundTrip(IntegerCodecs.INT4, value));
    assertEquals(value, Wire.textRoundTrip(IntegerCodecs.INT4, value));
  }

  @Property
  void int8RoundTrips(@ForAll long value) {
    assertEquals(value, Wire.binaryRoundTrip(IntegerCodecs.INT8, value));
    assertEquals(value, Wire.textRoundTrip(IntegerCodecs.INT8, value));
  }

  @Property
  void oidRoundTripsAsUnsigned(@ForAll int bits) {
    long value = Integer.toUnsignedLong(bits);
    assertEquals(value, Wire.binaryRoundTrip(OidCodec.INSTANCE, value));
    assertEquals(value, Wire.textRoundTrip(OidCodec.INSTANCE, value));
  }

  @Test
  void oidIsUnsigned() {
    assertEquals(4294967295L, decodeBinary(OidCodec.INSTANCE, hex("ffffffff")));
    assertEquals(4294967295L, decodeText(OidCodec.INSTANCE, "4294967295"));
    assertThrows(DataError.class, () -> decodeText(OidCodec.INSTANCE, "4294967296"));
    assertThrows(DataError.class, () -> binary(OidCodec.INSTANCE, -1L));
  }
}
