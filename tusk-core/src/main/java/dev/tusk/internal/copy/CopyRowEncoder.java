package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;

/**
 * Writes rows of Java values as COPY FROM data in one format, straight into a buffer. One encoder
 * serves one COPY: call {@link #header} once before the first row, {@link #row} per row and {@link
 * #trailer} once after the last. Not thread-safe.
 */
public interface CopyRowEncoder {

  /**
   * Writes what precedes the rows: the binary signature, flags and header extension length; for
   * text and CSV with {@code HEADER}, the header line (the server skips it, or with {@code HEADER
   * MATCH} checks the names, so a row written without it would be lost).
   */
  void header(WriteBuffer out);

  /**
   * Writes one row. On failure nothing of the row stays in {@code out}.
   *
   * @throws dev.tusk.errors.DataError if a value cannot be encoded, naming its column and Java type
   * @throws dev.tusk.errors.ProgrammingError if the row has the wrong number of values
   */
  void row(Object[] values, WriteBuffer out);

  /** Writes what follows the rows: the binary trailer (int16 -1); nothing for text and CSV. */
  void trailer(WriteBuffer out);
}
