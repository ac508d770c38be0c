package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;

/**
 * The internal single-byte {@code "char"} type (OID 18, used by catalogs such as {@code
 * pg_class.relkind}), as a String of what the server's charout writes: the byte itself when it is
 * ASCII, {@code \ooo} in octal when its high bit is set, and the empty string for the zero byte.
 * Binary is the one raw byte.
 */
final class CharCodec extends BaseCodec<String> {

  static final CharCodec INSTANCE = new CharCodec();

  private CharCodec() {
    super(Oids.CHAR, "char", String.class);
  }

  @Override
  public String decodeText(byte[] bytes, int offset, int length) {
    return TextCodec.TEXT.decodeText(bytes, offset, length);
  }

  @Override
  public String decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("char", 1, length);
    int b = bytes[offset] & 0xFF;
    if (b == 0) {
      return "";
    }
    if (b < 0x80) {
      return String.valueOf((char) b);
    }
    return "\\" + (b >> 6) + (b >> 3 & 7) + (b & 7);
  }

  @Override
  public void encodeBinary(String value, BinaryOutput out) {
    out.writeByte(toByte(value));
  }

  @Override
  public String encodeText(String value) {
    toByte(value);
    return value;
  }

  /** The byte a value stands for, read as charin does (which also takes \ooo for any byte). */
  private static int toByte(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    if (value.length() == 1 && value.charAt(0) > 0 && value.charAt(0) < 0x80) {
      return value.charAt(0);
    }
    if (value.length() == 4 && value.charAt(0) == '\\') {
      int b = 0;
      for (int i = 1; i < 4 && b >= 0; i++) {
        int digit = value.charAt(i) - '0';
        b = digit >= 0 && digit <= 7 ? b * 8 + digit : -1;
      }
      if (b >= 0 && b <= 0xFF) {
        return b;
      }
    }
    throw new DataError(
        "a \"char\" value is one byte: an ASCII character, \\ooo in octal,"
            + " or the empty string; got '"
            + value
            + "'");
  }
}
