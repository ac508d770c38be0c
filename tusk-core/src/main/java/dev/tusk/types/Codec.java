package dev.tusk.types;

import dev.tusk.errors.ProgrammingError;

/**
 * Encodes and decodes one PostgreSQL type, in the text format (what the type's output function
 * writes, in UTF-8) and the binary format (what its send function writes). Implementations are
 * immutable and safe to share between threads. Values are never SQL NULL here: the caller handles
 * NULL before asking a codec.
 *
 * <p>This is the driver's own codec interface and the one users implement for their types: register
 * an implementation in a {@link TypeRegistry} (globally, per connection or per cursor) to decode a
 * type to another Java class or to send a Java class as a type. A codec without a binary format
 * returns false from {@link #hasBinary()}; its binary methods are then never called. Exceptions a
 * codec throws reach the caller as a {@link dev.tusk.errors.DataError} naming the column or
 * parameter.
 *
 * @param <T> the Java type values decode to by default
 */
public interface Codec<T> {

  /** The type's OID. */
  int oid();

  /** The type's name as pg_type spells it, e.g. {@code int4}; arrays are {@code int4[]}. */
  String typeName();

  /** The class {@link #decodeText} and {@link #decodeBinary} return. */
  Class<T> javaType();

  /** Whether this codec can decode and encode the binary format. */
  boolean hasBinary();

  /** Decodes a value in the text format. */
  T decodeText(byte[] bytes, int offset, int length);

  /** Decodes a value in the binary format. */
  T decodeBinary(byte[] bytes, int offset, int length);

  /** Writes a value in the binary format: its bytes only, no length prefix. */
  void encodeBinary(T value, BinaryOutput out);

  /**
   * Renders a value in the text format: text the type's input function accepts, equal to what the
   * server's output function writes where practical (time zones are always rendered as UTC).
   */
  String encodeText(T value);

  /** Decodes a value in the given format: 0 is text, 1 is binary. */
  default T decode(int format, byte[] bytes, int offset, int length) {
    return switch (format) {
      case 0 -> decodeText(bytes, offset, length);
      case 1 -> decodeBinary(bytes, offset, length);
      default -> throw new ProgrammingError("unknown format code " + format + "; expected 0 or 1");
    };
  }

  /**
   * Decodes a value that is about to be converted to another Java type. The same as {@link #decode}
   * unless a codec has a richer form for conversions than its default Java type; array codecs
   * decode their elements through it.
   */
  default Object decodeForConversion(int format, byte[] bytes, int offset, int length) {
    return decode(format, bytes, offset, length);
  }
}
