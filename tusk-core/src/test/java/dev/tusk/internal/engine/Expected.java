package dev.tusk.internal.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Frontend messages laid out by hand from the protocol documentation, independently of the driver's
 * writers: a type byte, an int32 length counting itself, then the parts.
 */
final class Expected {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /**
   * Appends a message whose body is {@code parts} in order: a String as a NUL-terminated string, a
   * Short as an int16, an Integer as an int32, a byte[] as is, a Character as one byte.
   */
  Expected message(char type, Object... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Object part : parts) {
      body.writeBytes(encode(part));
    }
    bytes.write(type);
    bytes.writeBytes(ByteBuffer.allocate(4).putInt(body.size() + 4).array());
    bytes.writeBytes(body.toByteArray());
    return this;
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  private static byte[] encode(Object part) {
    return switch (part) {
      case String text -> (text + "\0").getBytes(StandardCharsets.UTF_8);
      case Short value -> ByteBuffer.allocate(2).putShort(value).array();
      case Integer value -> ByteBuffer.allocate(4).putInt(value).array();
      case Character value -> new byte[] {(byte) value.charValue()};
      case byte[] raw -> raw;
      default -> throw new IllegalArgumentException("no wire form for " + part);
    };
  }
}
