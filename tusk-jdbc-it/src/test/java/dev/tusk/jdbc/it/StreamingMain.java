package dev.tusk.jdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run by {@link StreamingTest} in a JVM with a small heap: reads a million 200-byte rows with a
 * fetch size, in autocommit mode, and prints how many rows and bytes it read.
 */
public final class StreamingMain {

  private StreamingMain() {}

  /** {@code args[0]}: the libpq conninfo of the test server. */
  public static void main(String[] args) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(JdbcTarget.URL, JdbcTarget.properties(args[0]));
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(500);
      long rows = 0;
      long bytes = 0;
      try (ResultSet result =
          statement.executeQuery("SELECT repeat('x', 200) FROM generate_series(1, 1000000)")) {
        while (result.next()) {
          rows++;
          bytes += result.getString(1).length();
        }
      }
      System.out.println("rows=" + rows + " bytes=" + bytes);
    }
  }
}
