package dev.tusk.internal.buffer;

import dev.tusk.types.BinaryOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer that frontend messages and parameter values are written into.
 * One is reused per connection so the hot path allocates nothing once it has grown. Not
 * thread-safe.
 */
public final class WriteBuffer implements BinaryOutput {

  private byte[] bytes;
  private int size;

  /** The last view made by {@link #written()}, reused while the array stays the same. */
  private ByteBuffer view;

  /** Creates an empty buffer with room for {@code capacity} bytes before it grows. */
  public WriteBuffer(int capacity) {
    this.bytes = new byte[Math.max(16, capacity)];
  }

  /** Creates an empty buffer with a small initial capacity. */
  public WriteBuffer() {
    this(256);
  }

  /** The number of bytes written so far; also the position of the next write. */
  @Override
  public int size() {
    return size;
  }

  /** The backing array; only the first {@link #size()} bytes are meaningful. */
  public byte[] array() {
    return bytes;
  }

  /**
   * The bytes written so far as a ByteBuffer positioned at 0, for a channel to take: a view of the
   * backing array, valid until the next write, and the same object each time while the array stays
   * the same (a socket writer asks on every round).
   */
  public ByteBuffer written() {
    if (view == null || view.array() != bytes) {
      view = ByteBuffer.wrap(bytes);
    }
    return view.limit(size).position(0);
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Forgets all bytes written, keeping the capacity. */
  public void clear() {
    size = 0;
  }

  /** Drops everything written after {@code position} (undoes a partly written message). */
  public void truncate(int position) {
    if (position < 0 || position > size) {
      throw new IndexOutOfBoundsException(position);
    }
    size = position;
  }

  /** Writes the bytes written so far to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  @Override
  public WriteBuffer writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
    return this;
  }

  @Override
  public WriteBuffer writeInt16(int value) {
    ensure(2);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
    return this;
  }

  @Override
  public WriteBuffer writeInt32(int value) {
    ensure(4);
    BigEndian.putInt32(bytes, size, value);
    size += 4;
    return this;
  }

  @Override
  public WriteBuffer writeInt64(long value) {
    ensure(8);
    BigEndian.putInt64(bytes, size, value);
    size += 8;
    return this;
  }

  @Override
  public WriteBuffer writeBytes(byte[] source) {
    return writeBytes(source, 0, source.length);
  }

  @Override
  public WriteBuffer writeBytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
    return this;
  }

  /**
   * Writes {@code text} as UTF-8 with no terminator. ASCII, the common case for SQL and names, is
   * copied char by char without an intermediate array.
   *
   * @throws IllegalArgumentException if {@code text} holds half of a surrogate pair, which UTF-8
   *     cannot encode
   */
  @Override
  public WriteBuffer writeUtf8(String text) {
    int length = text.length();
    ensure(length);
    int start = size;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        size = start;
        requirePairedSurrogates(text, i);
        return writeBytes(text.getBytes(StandardCharsets.UTF_8));
      }
      bytes[size++] = (byte) c;
    }
    return this;
  }

  /** getBytes would silently write '?' for a lone surrogate, changing the text sent. */
  private static void requirePairedSurrogates(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            String.format(
                "the text holds an unpaired surrogate U+%04X at index %d, which UTF-8 cannot"
                    + " encode",
                (int) c, i));
      }
    }
  }

  /**
   * Writes {@code text} as a protocol String: UTF-8 then a NUL terminator.
   *
   * @throws IllegalArgumentException if {@code text} contains a NUL character, which would cut the
   *     string short on the server
   */
  public WriteBuffer writeCString(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL character cannot be sent in a protocol string");
    }
    writeUtf8(text);
    return writeByte(0);
  }

  /**
   * Reserves four bytes for a length that {@link #setInt32} fills in later; returns the position.
   */
  @Override
  public int reserveInt32() {
    ensure(4);
    int position = size;
    size += 4;
    return position;
  }

  /** Overwrites four bytes at {@code position} (a length reserved earlier). */
  @Override
  public void setInt32(int position, int value) {
    BigEndian.putInt32(bytes, position, value);
  }

  private void ensure(int extra) {
    int needed = size + extra;
    if (needed < 0) {
      throw new OutOfMemoryError("write buffer would exceed 2 GiB");
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
