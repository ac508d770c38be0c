package dev.tusk.internal.copy;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.types.Codec;

/**
 * Reads binary COPY data: the header (signature, flags, extension) once, alone or before the first
 * row in one message; rows of length-prefixed values, each decoded by its column's binary codec;
 * and the trailer, int16 -1. Anything after the trailer, or a message holding more or less than one
 * row, is a {@link dev.tusk.errors.BadCopyFileFormat}.
 */
final class BinaryRowDecoder implements CopyRowDecoder {

  private static final int SIGNATURE_LENGTH = 11;

  /** Bit 16 of the flags: OIDs precede each row (servers before 12 only). */
  private static final int WITH_OIDS = 1 << 16;

  private final Codec<?>[] codecs;
  private boolean headerRead;
  private boolean ended;

  /**
   * @param codecs the column types, or null when none were set (rows then fail, naming setTypes)
   */
  BinaryRowDecoder(Codec<?>[] codecs) {
    this.codecs = codecs;
  }

  @Override
  public Object[] row(byte[] data, int offset, int length) {
    int end = offset + length;
    if (ended) {
      throw FieldErrors.badData("binary COPY data continues after its trailer");
    }
    int position = headerRead ? offset : header(data, offset, end);
    if (position == end) {
      return null;
    }
    requireBytes(position, 2, end, "a field count");
    short fields = BigEndian.int16(data, position);
    position += 2;
    if (fields == -1) {
      ended = true;
      if (position != end) {
        throw FieldErrors.badData("binary COPY data continues after its trailer");
      }
      return null;
    }
    return fields(data, position, end, fields);
  }

  private Object[] fields(byte[] data, int start, int end, int count) {
    if (codecs == null) {
      throw new ProgrammingError(
          "binary COPY rows can be read only with their column types: call setTypes(...) with"
              + " the type of each column, e.g. setTypes(\"int4\", \"text\"), or use FORMAT text"
              + " or csv");
    }
    if (count != codecs.length) {
      throw FieldErrors.columnCount(count, codecs.length, "setTypes gave " + codecs.length);
    }
    Object[] values = new Object[count];
    int position = start;
    for (int column = 0; column < count; column++) {
      requireBytes(position, 4, end, "a field length");
      int fieldLength = BigEndian.int32(data, position);
      position += 4;
      if (fieldLength == -1) {
        continue;
      }
      if (fieldLength < 0) {
        throw FieldErrors.badData("binary COPY field length " + fieldLength + " is negative");
      }
      requireBytes(position, fieldLength, end, "a field's value");
      values[column] = decode(column, data, position, fieldLength);
      position += fieldLength;
    }
    if (position != end) {
      throw FieldErrors.badData(
          "a binary COPY message holds more than one row: the server sends one row per message");
    }
    return values;
  }

  private Object decode(int column, byte[] data, int offset, int length) {
    Codec<?> codec = codecs[column];
    try {
      return codec.decodeBinary(data, offset, length);
    } catch (RuntimeException e) {
      throw FieldErrors.decoding(column, codec, e);
    }
  }

  /** Reads the header at {@code offset}; returns where what follows it starts. */
  private int header(byte[] data, int offset, int end) {
    requireBytes(offset, BinaryRowEncoder.HEADER.length, end, "the header");
    for (int i = 0; i < SIGNATURE_LENGTH; i++) {
      if (data[offset + i] != BinaryRowEncoder.HEADER[i]) {
        throw FieldErrors.badData("binary COPY data does not start with the PGCOPY signature");
      }
    }
    int flags = BigEndian.int32(data, offset + SIGNATURE_LENGTH);
    if ((flags & WITH_OIDS) != 0) {
      throw FieldErrors.badData("binary COPY data WITH OIDS is not supported");
    }
    if ((flags >>> 16) != 0) {
      // Bits 16-31 flag changes a reader must understand; bits 0-15 may be ignored.
      throw FieldErrors.badData("unrecognized critical flags in the binary COPY header");
    }
    int extension = BigEndian.int32(data, offset + SIGNATURE_LENGTH + 4);
    int position = offset + BinaryRowEncoder.HEADER.length;
    if (extension < 0) {
      throw FieldErrors.badData("binary COPY header extension length is negative");
    }
    requireBytes(position, extension, end, "the header extension");
    headerRead = true;
    return position + extension;
  }

  private static void requireBytes(int position, int needed, int end, String what) {
    if (needed > end - position) {
      throw FieldErrors.badData("binary COPY data ends inside " + what);
    }
  }
}
