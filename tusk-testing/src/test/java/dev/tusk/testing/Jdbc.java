package dev.tusk.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC queries as the test server's superuser: checks that do not depend on Tusk. */
final class Jdbc {

  private Jdbc() {}

  /** The first column of every row of {@code sql}, as text. */
  static List<String> column(String sql, Object... params) throws SQLException {
    try (Connection connection = PostgresServer.get().superuserJdbc()) {
      return column(connection, sql, params);
    }
  }

  /** The first column of every row of {@code sql} on {@code connection}, as text. */
  static List<String> column(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  /** The single value of {@code sql}. */
  static String value(String sql, Object... params) throws SQLException {
    List<String> values = column(sql, params);
    if (values.size() != 1) {
      throw new AssertionError("expected one row from " + sql + ", got " + values);
    }
    return values.get(0);
  }

  /** Whether a schema of that name exists. */
  static boolean schemaExists(String name) throws SQLException {
    return !column("SELECT nspname FROM pg_namespace WHERE nspname = ?", name).isEmpty();
  }
}
