package dev.tusk.jdbc;

import dev.tusk.Cursor;
import dev.tusk.Row;
import java.util.Iterator;

/**
 * The rows of a result received whole ({@code executeQuery} has returned after its last row, so its
 * errors and notices are known), made into rows one at a time as a forward-only result set moves:
 * no list of every row is built, and each row is made while its bytes are about to be read.
 */
final class ReceivedRows extends ForwardRows {

  /**
   * @param cursor positioned on a result received whole (fetch size 0)
   * @param limit the most rows to show, 0 for every row
   */
  ReceivedRows(Cursor<Row> cursor, long limit) {
    super(cursor.iterator(), limit);
  }

  @Override
  Row take(Iterator<Row> source) {
    return source.hasNext() ? source.next() : null;
  }

  @Override
  void drop() {
    // The rows are in the cursor, which the statement closes or moves on.
  }
}
