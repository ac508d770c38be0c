package dev.tusk.internal.copy;

/**
 * Reads the rows of COPY TO data in one format. The server sends each row in a CopyData message of
 * its own; a binary COPY's header comes alone or before the first row in one message, its trailer
 * alone (or after the header when there are no rows). One decoder serves one COPY: it remembers
 * whether the header was read. Not thread-safe.
 */
public interface CopyRowDecoder {

  /**
   * The row in one CopyData message's bytes, or null for a message that holds none (the header
   * line, the binary header alone, the binary trailer).
   *
   * @throws dev.tusk.errors.BadCopyFileFormat if the bytes are not a row of this format
   * @throws dev.tusk.errors.DataError if a value does not decode with its column's type
   */
  Object[] row(byte[] data, int offset, int length);
}
