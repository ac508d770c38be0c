package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code bytea}: the raw bytes in binary. In text, the hex format {@code \x0a1b} that servers write
 * by default, or the older escape format ({@code bytea_output = escape}: printable bytes as
 * themselves, {@code \\} for a backslash, {@code \ooo} in octal for the rest).
 */
public final class ByteaCodec extends BaseCodec<byte[]> {

  public static final ByteaCodec INSTANCE = new ByteaCodec();

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ByteaCodec() {
    super(Oids.BYTEA, "bytea", byte[].class);
  }

  @Override
  public byte[] decodeText(byte[] bytes, int offset, int length) {
    if (length >= 2 && bytes[offset] == '\\' && bytes[offset + 1] == 'x') {
      return decodeHex(bytes, offset, length);
    }
    return decodeEscape(bytes, offset, length);
  }

  @Override
  public byte[] decodeBinary(byte[] bytes, int offset, int length) {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  @Override
  public void encodeBinary(byte[] value, BinaryOutput out) {
    out.writeBytes(value);
  }

  /** The hex format, {@code \x} then two lowercase hex digits per byte. */
  @Override
  public String encodeText(byte[] value) {
    byte[] text = new byte[2 + 2 * value.length];
    text[0] = '\\';
    text[1] = 'x';
    for (int i = 0; i < value.length; i++) {
      text[2 + 2 * i] = HEX_DIGITS[(value[i] >> 4) & 0xF];
      text[3 + 2 * i] = HEX_DIGITS[value[i] & 0xF];
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static byte[] decodeHex(byte[] bytes, int offset, int length) {
    if (length % 2 != 0) {
      throw DecodeErrors.badText("bytea", bytes, offset, length);
    }
    byte[] value = new byte[(length - 2) / 2];
    for (int i = 0; i < value.length; i++) {
      int high = hexDigit(bytes[offset + 2 + 2 * i]);
      int low = hexDigit(bytes[offset + 3 + 2 * i]);
      if (high < 0 || low < 0) {
        throw DecodeErrors.badText("bytea", bytes, offset, length);
      }
      value[i] = (byte) (high << 4 | low);
    }
    return value;
  }

  private static byte[] decodeEscape(byte[] bytes, int offset, int length) {
    byte[] value = new byte[length];
    int size = 0;
    int end = offset + length;
    for (int i = offset; i < end; size++) {
      if (bytes[i] != '\\') {
        value[size] = bytes[i++];
      } else if (i + 1 < end && bytes[i + 1] == '\\') {
        value[size] = '\\';
        i += 2;
      } else if (i + 3 < end && isOctal(bytes, i + 1)) {
        value[size] =
            (byte) ((bytes[i + 1] - '0') << 6 | (bytes[i + 2] - '0') << 3 | bytes[i + 3] - '0');
        i += 4;
      } else {
        throw DecodeErrors.badText("bytea", bytes, offset, length);
      }
    }
    return Arrays.copyOf(value, size);
  }

  /** Three octal digits, the first at most 3 so that they make a byte. */
  private static boolean isOctal(byte[] bytes, int at) {
    return bytes[at] >= '0'
        && bytes[at] <= '3'
        && bytes[at + 1] >= '0'
        && bytes[at + 1] <= '7'
        && bytes[at + 2] >= '0'
        && bytes[at + 2] <= '7';
  }

  private static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /**
   * Writes a buffer's remaining bytes as a bytea value without moving its position (the caller's
   * buffer is left as it was).
   */
  public static void writeRemaining(ByteBuffer buffer, BinaryOutput out) {
    if (buffer.hasArray()) {
      out.writeBytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      return;
    }
    byte[] chunk = new byte[Math.min(buffer.remaining(), 8192)];
    ByteBuffer source = buffer.duplicate();
    while (source.hasRemaining()) {
      int length = Math.min(chunk.length, source.remaining());
      source.get(chunk, 0, length);
      out.writeBytes(chunk, 0, length);
    }
  }
}
