package dev.tusk.it.streaming;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.RowFactories;
import dev.tusk.Tusk;

/**
 * Run in a JVM of its own with a small heap: streams ten million rows through a cursor and prints
 * their count and sum. Collecting them instead would need several hundred megabytes.
 */
public final class TenMillionRows {

  static final long ROWS = 10_000_000L;

  private TenMillionRows() {}

  /**
   * @param args the connection string
   */
  public static void main(String[] args) {
    try (Connection conn = Tusk.connect(args[0])) {
      Cursor<Long> cursor =
          conn.cursor(RowFactories.scalar(Long.class))
              .execute("SELECT g::int8 FROM generate_series(1, $1::int8) g", ROWS);
      long count = 0;
      long sum = 0;
      for (Long value : cursor) {
        count++;
        sum += value;
      }
      System.out.println("rows=" + count + " sum=" + sum + " rowCount=" + cursor.rowCount());
    }
  }
}
