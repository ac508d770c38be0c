package dev.tusk.types;

import dev.tusk.errors.DataError;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PostgreSQL {@code macaddr} (6 bytes) or {@code macaddr8} (8 bytes, EUI-64) value. Immutable:
 * the bytes are copied in and out. As a parameter, 6 bytes are sent as {@code macaddr} and 8 bytes
 * as {@code macaddr8}; PostgreSQL casts between the two implicitly.
 */
public final class PgMacAddress {

  private static final HexFormat HEX = HexFormat.ofDelimiter(":");

  private final byte[] bytes;

  private PgMacAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The address with these bytes, most significant first.
   *
   * @throws DataError unless there are 6 or 8 bytes
   */
  public static PgMacAddress of(byte[] bytes) {
    if (bytes.length != 6 && bytes.length != 8) {
      throw new DataError("a MAC address has 6 or 8 bytes, not " + bytes.length);
    }
    return new PgMacAddress(bytes.clone());
  }

  /**
   * Parses the form {@link #toString()} writes: 6 or 8 two-digit hex bytes separated by colons.
   *
   * @throws DataError if the text is not in that form
   */
  public static PgMacAddress parse(String text) {
    if ((text.length() != 17 && text.length() != 23)) {
      throw new DataError("invalid MAC address '" + text + "'");
    }
    try {
      return new PgMacAddress(HEX.parseHex(text));
    } catch (IllegalArgumentException e) {
      throw new DataError("invalid MAC address '" + text + "'", e);
    }
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** 6 or 8. */
  public int length() {
    return bytes.length;
  }

  /** The address as PostgreSQL writes it: lowercase hex bytes joined by colons. */
  @Override
  public String toString() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PgMacAddress mac && Arrays.equals(bytes, mac.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
