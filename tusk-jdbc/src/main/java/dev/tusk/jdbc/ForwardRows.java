package dev.tusk.jdbc;

import dev.tusk.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows a forward-only result set takes one at a time from its Tusk cursor, as it moves. It keeps
 * the last row taken and the one before it: the current row may be one behind, since {@code
 * isLast()} reads one row ahead. At most {@code limit} rows are taken ({@code setMaxRows}).
 */
abstract sealed class ForwardRows implements ResultRows permits ReceivedRows, StreamedRows {

  private final long limit;
  private Iterator<Row> source;
  private Row last;
  private Row beforeLast;
  private int read;
  private boolean ended;

  /**
   * @param limit the most rows to take, 0 for every row
   */
  ForwardRows(Iterator<Row> source, long limit) {
    this.source = source;
    this.limit = limit > 0 ? limit : Long.MAX_VALUE;
  }

  /** The next row of {@code source}, or null at its end. */
  abstract Row take(Iterator<Row> source) throws SQLException;

  /** Drops the rows not taken; the cursor stays open for the statement's next result. */
  abstract void drop();

  @Override
  public final boolean has(int position) throws SQLException {
    while (read < position && !ended) {
      takeOne();
    }
    return position >= 1 && position <= read;
  }

  private void takeOne() throws SQLException {
    if (read >= limit) {
      close(); // setMaxRows reached: the rest is dropped
      return;
    }
    Row row;
    try {
      row = take(source);
    } catch (SQLException e) {
      ended = true; // the server ended the result with an error: there is nothing more to take
      throw e;
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
  public final Row get(int position) {
    if (position == read) {
      return last;
    }
    if (position == read - 1 && beforeLast != null) {
      return beforeLast;
    }
    throw new IllegalStateException(
        "row " + position + " of a forward-only result is gone (" + read + " rows read)");
  }

  @Override
  public final int size() throws SQLException {
    while (!ended) {
      takeOne();
    }
    return read;
  }

  /**
   * Takes every row left (up to the limit) into memory, so that the result set no longer needs the
   * cursor, which may then move to its next result.
   */
  @Override
  public final void keep() throws SQLException {
    if (ended) {
      return;
    }
    List<Row> rest = new ArrayList<>();
    try {
      for (long wanted = limit - read; rest.size() < wanted; ) {
        Row row = take(source);
        if (row == null) {
          break;
        }
        rest.add(row);
      }
    } catch (SQLException e) {
      ended = true; // as when next() meets the error: the rows before it are not shown
      throw e;
    } finally {
      drop();
    }
    source = rest.iterator();
  }

  @Override
  public final void close() {
    if (!ended) {
      ended = true;
      drop();
    }
  }
}
