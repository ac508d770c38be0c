package dev.tusk.jdbc;

import dev.tusk.Row;
import java.util.List;

/** Rows received whole: any position can be visited, as a scrollable result set needs. */
record CollectedRows(List<Row> rows) implements ResultRows {

  @Override
  public boolean has(int position) {
    return position >= 1 && position <= rows.size();
  }

  @Override
  public Row get(int position) {
    return rows.get(position - 1);
  }

  @Override
  public int size() {
    return rows.size();
  }

  @Override
  public void keep() {}

  @Override
  public void close() {}
}
