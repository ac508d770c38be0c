package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.JsonText;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Json;
import dev.tusk.types.Oids;
import java.nio.charset.StandardCharsets;

/**
 * {@code json} and {@code jsonb} as natural Java values, read and written by {@link JsonText}: a
 * Map, List, String, Number, Boolean or null. For conversions they decode to a {@link Json} holding
 * the server's text, so reading one as a String gives that text exactly, as a {@code Json} keeps
 * it, and a JsonMapper reads it as other classes.
 *
 * <p>Binary: json_send is the text; jsonb_send is a version byte, always 1 so far, then the text
 * the server writes in the text format. A String sent as one of these types is its JSON text (as
 * {@code Param.of("{\"a\": 1}", "jsonb")}); a {@link Json} is its text; anything else is written by
 * the built-in writer.
 */
public final class JsonCodec extends BaseCodec<Object> {

  static final JsonCodec JSON = new JsonCodec(Oids.JSON, "json", false);
  public static final JsonCodec JSONB = new JsonCodec(Oids.JSONB, "jsonb", true);

  private static final int VERSION = 1;

  /** Whether the binary format starts with jsonb's version byte. */
  private final boolean versioned;

  private JsonCodec(int oid, String typeName, boolean versioned) {
    super(oid, typeName, Object.class);
    this.versioned = versioned;
  }

  @Override
  public Object decodeText(byte[] bytes, int offset, int length) {
    return JsonText.parse(text(bytes, offset, length));
  }

  @Override
  public Object decodeBinary(byte[] bytes, int offset, int length) {
    return JsonText.parse(binaryText(bytes, offset, length));
  }

  /** The server's JSON text as a {@link Json}, for reading as a String, a Json or a class. */
  @Override
  public Object decodeForConversion(int format, byte[] bytes, int offset, int length) {
    return switch (format) {
      case 0 -> Json.of(text(bytes, offset, length));
      case 1 -> Json.of(binaryText(bytes, offset, length));
      default -> throw new ProgrammingError("unknown format code " + format + "; expected 0 or 1");
    };
  }

  @Override
  public void encodeBinary(Object value, BinaryOutput out) {
    if (versioned) {
      out.writeByte(VERSION);
    }
    out.writeUtf8(encodeText(value));
  }

  @Override
  public String encodeText(Object value) {
    String text =
        switch (value) {
          case String json -> json;
          case Json json -> json.text();
          default -> JsonText.write(value);
        };
    return TextCodec.requireNoNul(text, typeName());
  }

  private static String text(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  private String binaryText(byte[] bytes, int offset, int length) {
    if (!versioned) {
      return text(bytes, offset, length);
    }
    if (length == 0 || bytes[offset] != VERSION) {
      throw DecodeErrors.badBinary(
          typeName(),
          length == 0 ? "no version byte" : "unsupported version " + (bytes[offset] & 0xFF));
    }
    return text(bytes, offset + 1, length - 1);
  }
}
