package dev.tusk.internal.codec;

import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.nio.charset.StandardCharsets;

/**
 * {@code jsonb} as its JSON text. Binary (jsonb_send) is a version byte, always 1 so far, followed
 * by the same text the server writes in the text format.
 */
final class JsonbCodec extends BaseCodec<String> {

  static final JsonbCodec INSTANCE = new JsonbCodec();

  private static final int VERSION = 1;

  private JsonbCodec() {
    super(Oids.JSONB, "jsonb", String.class);
  }

  @Override
  public String decodeText(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public String decodeBinary(byte[] bytes, int offset, int length) {
    if (length == 0 || bytes[offset] != VERSION) {
      throw DecodeErrors.badBinary(
          "jsonb",
          length == 0 ? "no version byte" : "unsupported version " + (bytes[offset] & 0xFF));
    }
    return new String(bytes, offset + 1, length - 1, StandardCharsets.UTF_8);
  }

  @Override
  public void encodeBinary(String value, BinaryOutput out) {
    out.writeByte(VERSION).writeUtf8(TextCodec.requireNoNul(value, "jsonb"));
  }

  @Override
  public String encodeText(String value) {
    return TextCodec.requireNoNul(value, "jsonb");
  }
}
