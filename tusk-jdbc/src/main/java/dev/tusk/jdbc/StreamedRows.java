package dev.tusk.jdbc;

import dev.tusk.Cursor;
import dev.tusk.Row;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Rows read from a streaming Tusk cursor as a forward-only result set moves, so that memory stays
 * flat however long the result is. Closing drops the rest, and the connection stays usable.
 */
final class StreamedRows extends ForwardRows {

  private final Stream<Row> stream;
  private final JdbcConnection connection;
  private final WarningChain warnings;

  /**
   * Reads {@code cursor}'s current result; {@code limit} 0 reads every row. Notices that arrive
   * while a row is read go to {@code warnings}.
   */
  StreamedRows(Cursor<Row> cursor, long limit, JdbcConnection connection, WarningChain warnings) {
    this(cursor.stream(), limit, connection, warnings);
  }

  private StreamedRows(
      Stream<Row> stream, long limit, JdbcConnection connection, WarningChain warnings) {
    super(stream.iterator(), limit);
    this.stream = stream;
    this.connection = connection;
    this.warnings = warnings;
  }

  @Override
  Row take(Iterator<Row> source) throws SQLException {
    connection.notices().begin(warnings);
    try {
      return SqlErrors.run(() -> source.hasNext() ? source.next() : null, connection);
    } finally {
      connection.notices().end(warnings);
    }
  }

  @Override
  void drop() {
    stream.close(); // the cursor stays open for the statement's update count and next result
  }
}
