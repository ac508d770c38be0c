package dev.tusk.bench.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A pgjdbc connection as the owner, for setup and resets that are never timed. */
public final class Admin implements AutoCloseable {

  private final Connection connection;

  private Admin(Connection connection) {
    this.connection = connection;
  }

  /** Connects as {@code endpoint}'s owner. */
  public static Admin open(Endpoint endpoint) throws SQLException {
    return new Admin(
        DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.jdbcProperties(endpoint.owner())));
  }

  /** Runs each statement in turn. */
  public void execute(String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The first column of the first row of {@code query}'s result, as text. */
  public String single(String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      if (!result.next()) {
        throw new SQLException("no row from: " + query);
      }
      return result.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
