package dev.tusk.jdbc;

import dev.tusk.Row;
import java.sql.SQLException;

/**
 * The rows behind a {@link JdbcResultSet}, by 1-based position: all received ({@link
 * CollectedRows}) or read from the server as the result set moves forward ({@link StreamedRows}).
 */
sealed interface ResultRows permits CollectedRows, StreamedRows {

  /** Whether row {@code position} exists (reading ahead as far as needed); false for 0. */
  boolean has(int position) throws SQLException;

  /** Row {@code position}, which {@link #has} has confirmed. */
  Row get(int position);

  /** How many rows there are: a streamed source reads to its end. */
  int size() throws SQLException;

  /** Drops what is not read yet. */
  void close();
}
