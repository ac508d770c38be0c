package dev.tusk.jdbc;

import dev.tusk.Row;
import java.sql.SQLException;

/**
 * The rows behind a {@link JdbcResultSet}, by 1-based position: all received and listed ({@link
 * CollectedRows}), all received and taken one at a time as the result set moves forward ({@link
 * ReceivedRows}), or read from the server as it moves ({@link StreamedRows}).
 */
sealed interface ResultRows permits CollectedRows, ForwardRows {

  /** Whether row {@code position} exists (reading ahead as far as needed); false for 0. */
  boolean has(int position) throws SQLException;

  /** Row {@code position}, which {@link #has} has confirmed. */
  Row get(int position);

  /** How many rows there are: a streamed source reads to its end. */
  int size() throws SQLException;

  /**
   * Holds every row not read yet in memory, so that the statement's cursor may move on to its next
   * result (or read to the end of a stream) while the result set stays readable.
   */
  void keep() throws SQLException;

  /** Drops what is not read yet. */
  void close();
}
