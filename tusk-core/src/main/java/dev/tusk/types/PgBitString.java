package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A PostgreSQL {@code bit(n)} or {@code bit varying(n)} value: a sequence of bits with its own
 * length, which may be zero. Immutable. Bit 0 is the first (leftmost) bit, as in the text form
 * {@code 0101}. As a parameter it is sent as {@code varbit}, which PostgreSQL casts to {@code bit}
 * implicitly.
 */
public final class PgBitString {

  private final int length;

  /** The bits packed most significant first, as the server sends them; unused bits are zero. */
  private final byte[] packed;

  private PgBitString(int length, byte[] packed) {
    this.length = length;
    this.packed = packed;
  }

  /** The bits {@code true} and {@code false} in order. */
  public static PgBitString of(boolean... bits) {
    byte[] packed = new byte[(bits.length + 7) / 8];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        packed[i / 8] |= (byte) (0x80 >>> (i % 8));
      }
    }
    return new PgBitString(bits.length, packed);
  }

  /**
   * The first {@code length} bits of {@code bits}, bit 0 first.
   *
   * @throws DataError if {@code length} is negative or {@code bits} has a set bit beyond it
   */
  public static PgBitString of(BitSet bits, int length) {
    if (length < 0 || bits.length() > length) {
      throw new DataError(
          "a bit string of length " + length + " cannot hold bits up to index " + bits.length());
    }
    byte[] packed = new byte[(length + 7) / 8];
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      packed[i / 8] |= (byte) (0x80 >>> (i % 8));
    }
    return new PgBitString(length, packed);
  }

  /**
   * The bits of {@code packed}, most significant bit of the first byte first, as the binary format
   * carries them.
   *
   * @throws DataError if {@code packed} has not exactly the bytes {@code length} needs, or has set
   *     bits beyond {@code length}
   */
  public static PgBitString fromPacked(int length, byte[] packed) {
    if (length < 0 || packed.length != (length + 7) / 8) {
      throw new DataError(
          "a bit string of length " + length + " takes " + ((length + 7) / 8) + " bytes");
    }
    int unused = packed.length * 8 - length;
    if (unused > 0 && (packed[packed.length - 1] & ((1 << unused) - 1)) != 0) {
      throw new DataError("a bit string has set bits beyond its length " + length);
    }
    return new PgBitString(length, packed.clone());
  }

  /**
   * Parses {@code 0}s and {@code 1}s, as PostgreSQL writes a bit string.
   *
   * @throws DataError if the text has another character
   */
  public static PgBitString parse(String text) {
    boolean[] bits = new boolean[text.length()];
    for (int i = 0; i < bits.length; i++) {
      char c = text.charAt(i);
      if (c != '0' && c != '1') {
        throw new DataError("'" + c + "' is not a valid binary digit in a bit string");
      }
      bits[i] = c == '1';
    }
    return of(bits);
  }

  /** The number of bits. */
  public int length() {
    return length;
  }

  /**
   * The bit at {@code index}, 0 being the leftmost.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < length()}
   */
  public boolean get(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("bit " + index + " of a bit string of length " + length);
    }
    return (packed[index / 8] & (0x80 >>> (index % 8))) != 0;
  }

  /** The bits packed most significant first, the last byte padded with zeros; a copy. */
  public byte[] toPacked() {
    return packed.clone();
  }

  /** The bits as booleans, bit 0 first. */
  public boolean[] toBooleanArray() {
    boolean[] bits = new boolean[length];
    for (int i = 0; i < length; i++) {
      bits[i] = get(i);
    }
    return bits;
  }

  /** The bits as a BitSet, bit 0 at index 0; the length is not kept. */
  public BitSet toBitSet() {
    BitSet bits = new BitSet(length);
    for (int i = 0; i < length; i++) {
      bits.set(i, get(i));
    }
    return bits;
  }

  /** The bits as PostgreSQL writes them, e.g. {@code 0101}; the empty string for length 0. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(get(i) ? '1' : '0');
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PgBitString bits
        && length == bits.length
        && Arrays.equals(packed, bits.packed);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(packed);
  }
}
