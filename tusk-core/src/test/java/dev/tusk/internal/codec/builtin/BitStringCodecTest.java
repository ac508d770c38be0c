package dev.tusk.internal.codec.builtin;

import static dev.tusk.internal.codec.builtin.Wire.binary;
import static dev.tusk.internal.codec.builtin.Wire.binaryRoundTrip;
import static dev.tusk.internal.codec.builtin.Wire.decodeBinary;
import static dev.tusk.internal.codec.builtin.Wire.decodeText;
import static dev.tusk.internal.codec.builtin.Wire.hex;
import static dev.tusk.internal.codec.builtin.Wire.textRoundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.convert.Conversions;
import dev.tusk.types.PgBitString;
import java.util.BitSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BitStringCodecTest {

  @Test
  void binaryIsTheBitCountThenPackedBits() {
    PgBitString nine = PgBitString.parse("101100111");
    assertEquals("00000009" + "b380", hex(binary(BitStringCodec.VARBIT, nine)));
    assertEquals(nine, decodeBinary(BitStringCodec.BIT, hex("00000009b380")));
    assertEquals("00000000", hex(binary(BitStringCodec.VARBIT, PgBitString.parse(""))));
    assertEquals("0000000880", hex(binary(BitStringCodec.VARBIT, PgBitString.parse("10000000"))));
  }

  @Test
  void badBinaryIsADataError() {
    assertThrows(DataError.class, () -> decodeBinary(BitStringCodec.BIT, hex("00000009b3")));
    assertThrows(DataError.class, () -> decodeBinary(BitStringCodec.BIT, hex("00000009b3c0")));
    assertThrows(DataError.class, () -> decodeBinary(BitStringCodec.BIT, hex("ffffffff")));
    assertThrows(DataError.class, () -> decodeText(BitStringCodec.BIT, "0120"));
  }

  @Test
  void convertsToAndFromBitSetAndBooleans() {
    PgBitString bits = PgBitString.parse("0110");
    assertEquals(BitSet.valueOf(new byte[] {0b0110}), bits.toBitSet());
    assertArrayEquals(new boolean[] {false, true, true, false}, bits.toBooleanArray());
    assertEquals(bits, PgBitString.of(bits.toBitSet(), 4));
    assertEquals(bits, PgBitString.of(false, true, true, false));
    assertThrows(DataError.class, () -> PgBitString.of(bits.toBitSet(), 2));
    assertEquals(bits.toBitSet(), Conversions.convert(bits, BitStringCodec.BIT, BitSet.class));
    assertArrayEquals(
        bits.toBooleanArray(),
        (boolean[]) Conversions.convert(bits, BitStringCodec.BIT, boolean[].class));
  }

  @Property(tries = 300)
  void roundTripsInBothFormats(@ForAll("bitStrings") boolean[] bits) {
    PgBitString value = PgBitString.of(bits);
    assertEquals(bits.length, value.length());
    assertEquals(value, textRoundTrip(BitStringCodec.VARBIT, value));
    assertEquals(value, binaryRoundTrip(BitStringCodec.BIT, value));
    assertEquals(value, PgBitString.of(value.toBitSet(), bits.length));
    assertEquals(value, PgBitString.fromPacked(bits.length, value.toPacked()));
    assertArrayEquals(bits, value.toBooleanArray());
  }

  @Provide
  Arbitrary<boolean[]> bitStrings() {
    Arbitrary<Integer> lengths = Arbitraries.of(0, 1, 7, 8, 9, 1000);
    return lengths.flatMap(
        length -> Arbitraries.of(true, false).array(boolean[].class).ofSize(length));
  }
}
