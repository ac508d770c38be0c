package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.BigEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over one backend message body that checks every read against the body's end. One
 * instance is reused by a reader for every message, so decoding a fixed message allocates nothing.
 */
final class MessageBody {

  private byte type;
  private byte[] bytes;
  private int start;
  private int position;
  private int end;
  private boolean owned;

  /**
   * Points the cursor at {@code length} bytes of {@code bytes} from {@code offset}. An owned body
   * is an array of exactly this message that {@link #remaining()} may hand out without copying.
   */
  MessageBody reset(byte type, byte[] bytes, int offset, int length, boolean owned) {
    this.type = type;
    this.bytes = bytes;
    this.start = offset;
    this.position = offset;
    this.end = offset + length;
    this.owned = owned;
    return this;
  }

  byte type() {
    return type;
  }

  /** Reads an unsigned byte. */
  int int8() throws ProtocolViolationException {
    require(1, "an Int8");
    return bytes[position++] & 0xFF;
  }

  int int16() throws ProtocolViolationException {
    require(2, "an Int16");
    short value = BigEndian.int16(bytes, position);
    position += 2;
    return value;
  }

  int int32() throws ProtocolViolationException {
    require(4, "an Int32");
    int value = BigEndian.int32(bytes, position);
    position += 4;
    return value;
  }

  /**
   * Reads an Int16 count of items that take at least {@code minItemBytes} each, rejecting a count
   * that is negative or could not fit in what is left, before any array is sized by it.
   */
  int count16(int minItemBytes) throws ProtocolViolationException {
    return checkCount(int16(), minItemBytes);
  }

  /** Reads an Int32 count of items; see {@link #count16}. */
  int count32(int minItemBytes) throws ProtocolViolationException {
    return checkCount(int32(), minItemBytes);
  }

  /** Reads a NUL-terminated UTF-8 string. */
  String cString() throws ProtocolViolationException {
    int terminator = position;
    while (terminator < end && bytes[terminator] != 0) {
      terminator++;
    }
    if (terminator == end) {
      throw malformed("a String at offset " + (position - start) + " has no NUL terminator");
    }
    String value = new String(bytes, position, terminator - position, StandardCharsets.UTF_8);
    position = terminator + 1;
    return value;
  }

  /** Reads {@code length} bytes into a new array. */
  byte[] bytes(int length) throws ProtocolViolationException {
    require(length, length + " bytes");
    byte[] value = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  /** Reads everything left; an owned body read from its start is returned as is, not copied. */
  byte[] remaining() {
    byte[] value =
        owned && position == 0 && end == bytes.length
            ? bytes
            : Arrays.copyOfRange(bytes, position, end);
    position = end;
    return value;
  }

  /** Skips everything left, for content the driver has no use for. */
  void skipRemaining() {
    position = end;
  }

  /** Checks that the whole body was read: bytes left over mean the layout was not understood. */
  void expectEnd() throws ProtocolViolationException {
    if (position != end) {
      throw malformed((end - position) + " unexpected bytes follow the message content");
    }
  }

  /** A violation naming this message, the problem and where in the body it was found. */
  ProtocolViolationException malformed(String detail) {
    return new ProtocolViolationException(
        "malformed "
            + BackendMessageDecoder.describe(type)
            + " message of "
            + (end - start)
            + " bytes: "
            + detail);
  }

  private int checkCount(int count, int minItemBytes) throws ProtocolViolationException {
    if (count < 0 || count > (end - position) / minItemBytes) {
      throw malformed(
          "a count of " + count + " does not fit in the " + (end - position) + " bytes left");
    }
    return count;
  }

  private void require(int length, String what) throws ProtocolViolationException {
    if (length > end - position) {
      throw malformed(
          "needs "
              + what
              + " at offset "
              + (position - start)
              + " but only "
              + (end - position)
              + " bytes are left");
    }
  }
}
