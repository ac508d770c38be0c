package dev.tusk.types;

/**
 * Where a {@link Codec} writes a value in the binary format: big-endian primitives and UTF-8 text,
 * appended to the message being built. The driver passes its own reused buffer, so writing
 * allocates nothing once the buffer has grown. Not thread-safe; valid only during the call it is
 * passed to.
 */
public interface BinaryOutput {

  /** Writes the low 8 bits of {@code value}. */
  BinaryOutput writeByte(int value);

  /** Writes the low 16 bits of {@code value}, big-endian. */
  BinaryOutput writeInt16(int value);

  /** Writes {@code value} as 4 bytes, big-endian. */
  BinaryOutput writeInt32(int value);

  /** Writes {@code value} as 8 bytes, big-endian. */
  BinaryOutput writeInt64(long value);

  /** Writes all of {@code source}. */
  BinaryOutput writeBytes(byte[] source);

  /** Writes {@code length} bytes of {@code source} from {@code offset}. */
  BinaryOutput writeBytes(byte[] source, int offset, int length);

  /**
   * Writes {@code text} as UTF-8, with no length and no terminator.
   *
   * @throws IllegalArgumentException if {@code text} holds half of a surrogate pair
   */
  BinaryOutput writeUtf8(String text);

  /** The number of bytes written so far; positions for {@link #setInt32} are relative to it. */
  int size();

  /**
   * Reserves four bytes for a length or count known only later, returning their position for {@link
   * #setInt32}: how a nested value's length prefix is written without encoding it twice.
   */
  int reserveInt32();

  /** Overwrites the four bytes at {@code position}, which {@link #reserveInt32} returned. */
  void setInt32(int position, int value);
}
