package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.types.Codec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Test support: values as the server's bytes. Decoding always reads from the middle of a larger
 * array, as from a DataRow, so that offset handling is exercised too.
 */
public final class Wire {

  private static final int PADDING = 3;

  private Wire() {}

  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static <T> byte[] binary(Codec<T> codec, T value) {
    WriteBuffer out = new WriteBuffer();
    codec.encodeBinary(value, out);
    return out.toByteArray();
  }

  static <T> T decodeBinary(Codec<T> codec, byte[] value) {
    byte[] row = padded(value);
    return codec.decodeBinary(row, PADDING, value.length);
  }

  static <T> T decodeText(Codec<T> codec, String text) {
    byte[] value = text.getBytes(StandardCharsets.UTF_8);
    return codec.decodeText(padded(value), PADDING, value.length);
  }

  static <T> T binaryRoundTrip(Codec<T> codec, T value) {
    return decodeBinary(codec, binary(codec, value));
  }

  static <T> T textRoundTrip(Codec<T> codec, T value) {
    return decodeText(codec, codec.encodeText(value));
  }

  /** The value surrounded by bytes a decoder must not read. */
  public static byte[] padded(byte[] value) {
    byte[] row = new byte[value.length + 2 * PADDING];
    Arrays.fill(row, (byte) 0x7F);
    System.arraycopy(value, 0, row, PADDING, value.length);
    return row;
  }

  public static int offset() {
    return PADDING;
  }
}
