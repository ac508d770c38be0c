package dev.tusk.it.streaming;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.DatabaseError;

/**
 * Run in a JVM of its own with a heap too small for the value it asks for: the read of a 300 MB row
 * fails with OutOfMemoryError, which must reach the caller as a typed error and close the
 * connection, after which the JVM ends normally.
 */
public final class HugeValue {

  private HugeValue() {}

  /**
   * @param args the connection string
   */
  public static void main(String[] args) {
    Connection conn = Tusk.connect(args[0] + " max_message_size=1073741824");
    try {
      conn.execute("SELECT repeat('x', 300 * 1024 * 1024)");
      System.out.println("no error");
    } catch (DatabaseError e) {
      System.out.println(
          "error="
              + e.getClass().getSimpleName()
              + " sqlstate="
              + e.sqlState()
              + " closed="
              + conn.closed());
    }
    conn.close();
  }
}
