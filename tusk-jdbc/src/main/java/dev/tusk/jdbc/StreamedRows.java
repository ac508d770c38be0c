package dev.tusk.jdbc;

import dev.tusk.Cursor;
import dev.tusk.Row;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Rows read from a streaming Tusk cursor as a forward-only result set moves, so that memory stays
 * flat however long the result is. They are taken in batches of up to {@link #BATCH} rows: only
 * taking a batch may read the socket, so only then are the reading's errors translated and its
 * notices made this result set's warnings. Closing drops the rest, and the connection stays usable.
 */
final class StreamedRows extends ForwardRows {

  /** Rows taken from the cursor at once, at most. */
  private static final int BATCH = 64;

  private final Stream<Row> stream; // only closed, which drops the rows not read
  private final JdbcConnection connection;
  private final WarningChain warnings;

  /**
   * Reads {@code cursor}'s current result, at most {@code fetchSize} rows at a time (0: no fetch
   * size), and never more than {@link #BATCH}; {@code limit} 0 reads every row. Notices that arrive
   * while rows are read go to {@code warnings}.
   */
  StreamedRows(
      Cursor<Row> cursor,
      int fetchSize,
      long limit,
      JdbcConnection connection,
      WarningChain warnings) {
    super(new Batches(cursor, fetchSize > 0 ? Math.min(fetchSize, BATCH) : BATCH), limit);
    this.stream = cursor.stream();
    this.connection = connection;
    this.warnings = warnings;
  }

  @Override
  Row take(Iterator<Row> source) throws SQLException {
    if (source instanceof Batches batches && batches.holdsRows()) {
      return batches.next(); // taken already: nothing to read, so no error and no notice
    }
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

  /** The cursor's rows, taken a batch at a time. */
  private static final class Batches implements Iterator<Row> {
    private final Cursor<Row> cursor;
    private final int size;
    private List<Row> batch = List.of();
    private int index;

    Batches(Cursor<Row> cursor, int size) {
      this.cursor = cursor;
      this.size = size;
    }

    /** Whether rows of the last batch are left, so that the next one needs no reading. */
    boolean holdsRows() {
      return index < batch.size();
    }

    @Override
    public boolean hasNext() {
      if (index < batch.size()) {
        return true;
      }
      batch = cursor.fetchMany(size);
      index = 0;
      return !batch.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.get(index++);
    }
  }
}
