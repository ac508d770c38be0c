package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.WriteBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Builds protocol bytes by hand for tests, and streams that deliver them in chosen pieces. */
final class Wire {

  private Wire() {}

  /** A backend message: type, int32 length counting itself, then the body {@code body} writes. */
  static byte[] message(char type, Consumer<WriteBuffer> body) {
    WriteBuffer out = new WriteBuffer();
    out.writeByte(type);
    int length = out.reserveInt32();
    body.accept(out);
    out.setInt32(length, out.size() - 1);
    return out.toByteArray();
  }

  /** A message with exactly {@code body} as its body. */
  static byte[] message(char type, byte[] body) {
    return message(type, out -> out.writeBytes(body));
  }

  /** A message header announcing {@code length}, with no body. */
  static byte[] header(int type, int length) {
    return new WriteBuffer().writeByte(type).writeInt32(length).toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Four big-endian bytes. */
  static byte[] int32(int value) {
    return new WriteBuffer().writeInt32(value).toByteArray();
  }

  /** Two big-endian bytes. */
  static byte[] int16(int value) {
    return new WriteBuffer().writeInt16(value).toByteArray();
  }

  /** UTF-8 bytes then NUL. */
  static byte[] cString(String text) {
    return concat(utf8(text), new byte[] {0});
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Single bytes, each given as a char or small int. */
  static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  /** Reads exactly one message from {@code stream} and checks that nothing follows it. */
  static BackendMessage decodeOne(byte[] stream) throws IOException {
    BackendMessageReader reader =
        new BackendMessageReader(new ByteArrayInputStream(stream), 1 << 20);
    BackendMessage message = reader.read();
    try {
      reader.read();
    } catch (java.io.EOFException expected) {
      return message;
    }
    throw new AssertionError("bytes left over after " + message);
  }

  /**
   * A stream over {@code data} that returns at most {@code chunk} bytes per read and counts reads.
   */
  static final class ChunkedStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int position;
    private int reads;
    private final java.util.Set<Integer> targetSizes = new java.util.TreeSet<>();

    ChunkedStream(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    int reads() {
      return reads;
    }

    /** The sizes of the arrays the reader asked to fill: its buffer, or a body it allocated. */
    java.util.Set<Integer> targetSizes() {
      return targetSizes;
    }

    @Override
    public int read() {
      throw new AssertionError("the reader must not read byte by byte");
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      reads++;
      targetSizes.add(target.length);
      if (position == data.length) {
        return -1;
      }
      int count = Math.min(Math.min(chunk, length), data.length - position);
      System.arraycopy(data, position, target, offset, count);
      position += count;
      return count;
    }
  }
}
