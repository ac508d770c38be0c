package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.nio.charset.StandardCharsets;

/**
 * Types whose text and binary formats are both the value's characters in UTF-8 (the session's
 * client encoding): {@code text}, {@code varchar}, {@code bpchar}, {@code name}, {@code unknown}
 * and {@code void}. Also stands in, in the text format only, for types read as their text and for
 * types the registry does not know.
 */
public final class TextCodec extends BaseCodec<String> {

  public static final TextCodec TEXT = new TextCodec(Oids.TEXT, "text", true);
  static final TextCodec VARCHAR = new TextCodec(Oids.VARCHAR, "varchar", true);
  static final TextCodec BPCHAR = new TextCodec(Oids.BPCHAR, "bpchar", true);
  static final TextCodec NAME = new TextCodec(Oids.NAME, "name", true);
  static final TextCodec UNKNOWN = new TextCodec(Oids.UNKNOWN, "unknown", true);

  /**
   * {@code void}, what a function returning nothing gives: an empty value in both formats, read as
   * the empty String.
   */
  static final TextCodec VOID = new TextCodec(Oids.VOID, "void", true);

  private TextCodec(int oid, String typeName, boolean binary) {
    super(oid, typeName, String.class, binary);
  }

  /**
   * A text-only codec for a type the registry has no codec for, named {@code oid:<oid>}. Its values
   * decode to the server's text output as a String.
   */
  public static TextCodec unknownType(int oid) {
    return new TextCodec(oid, "oid:" + Integer.toUnsignedString(oid), false);
  }

  /** A codec for an extension type whose both formats are text's, such as citext. */
  public static TextCodec textLike(int oid, String typeName) {
    return new TextCodec(oid, typeName, true);
  }

  /**
   * A text-only codec: values decode to the server's text as a String, and results are always
   * requested in text. For an extension's base type the driver does not know, and for built-ins
   * whose binary form is not what callers want to read (see BuiltinCodecs for each).
   */
  public static TextCodec textOnly(int oid, String typeName) {
    return new TextCodec(oid, typeName, false);
  }

  /**
   * Returns {@code value} unless it holds a NUL character, which PostgreSQL text cannot store (the
   * server would reject it or, worse, cut the value short).
   */
  public static String requireNoNul(String value, String typeName) {
    if (value.indexOf('\0') >= 0) {
      throw new DataError(
          "a "
              + typeName
              + " value cannot contain the NUL character (U+0000): PostgreSQL text cannot hold it;"
              + " send binary data as byte[] (bytea) instead");
    }
    return value;
  }

  @Override
  public String decodeText(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public String decodeBinary(byte[] bytes, int offset, int length) {
    requireBinary();
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public void encodeBinary(String value, BinaryOutput out) {
    requireBinary();
    out.writeUtf8(requireNoNul(value, typeName()));
  }

  @Override
  public String encodeText(String value) {
    return requireNoNul(value, typeName());
  }

  private void requireBinary() {
    if (!hasBinary()) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
              "the binary format of type "
                  + typeName()
                  + " is not known; request it in text format"));
    }
  }
}
