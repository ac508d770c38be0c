package dev.tusk.jdbc;

import dev.tusk.Cursor;
import dev.tusk.Row;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Rows read from a streaming Tusk cursor as a forward-only result set moves, so that memory stays
 * flat however long the result is. It keeps the last row read and the one before it: the current
 * row may be one behind, since {@code isLast()} reads one row ahead. At most {@code limit} rows are
 * read ({@code setMaxRows}); closing drops the rest, and the connection stays usable.
 */
final class StreamedRows implements ResultRows {

  private final Stream<Row> stream;
  private final Iterator<Row> iterator;
  private final long limit;
  private final JdbcConnection connection;
  private final WarningChain warnings;
  private Row last;
  private Row beforeLast;
  private int read;
  private boolean ended;

  /**
   * Reads {@code cursor}'s current result; {@code limit} 0 reads every row. Notices that arrive
   * while a row is read go to {@code warnings}.
   */
  StreamedRows(Cursor<Row> cursor, long limit, JdbcConnection connection, WarningChain warnings) {
    this.warnings = warnings;
    this.stream = cursor.stream();
    this.iterator = stream.iterator();
    this.limit = limit > 0 ? limit : Long.MAX_VALUE;
    this.connection = connection;
  }

  @Override
  public boolean has(int position) throws SQLException {
    while (read < position && !ended) {
      readOne();
    }
    return position >= 1 && position <= read;
  }

  private void readOne() throws SQLException {
    if (read >= limit) {
      close(); // setMaxRows reached: drop the rows the server still sends
      return;
    }
    Row row;
    connection.notices().begin(warnings);
    try {
      row = SqlErrors.run(() -> iterator.hasNext() ? iterator.next() : null, connection);
    } catch (SQLException e) {
      ended = true; // the server ended the result with an error: there is nothing more to read
      throw e;
    } finally {
      connection.notices().end(warnings);
    }
    if (row == null) {
      ended = true;
      return;
    }
    beforeLast = last;
    last = row;
    read++;
  }

  @Override
  public Row get(int position) {
    if (position == read) {
      return last;
    }
    if (position == read - 1 && beforeLast != null) {
      return beforeLast;
    }
    throw new IllegalStateException(
        "row " + position + " of a streamed result is gone (" + read + " rows read)");
  }

  @Override
  public int size() throws SQLException {
    while (!ended) {
      readOne();
    }
    return read;
  }

  @Override
  public void close() {
    if (!ended) {
      ended = true;
      stream.close(); // the cursor stays open for the statement's update count and next result
    }
  }
}
