package dev.tusk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC's isolation constants as PostgreSQL's SQL. */
final class Isolation {

  private Isolation() {}

  static String sql(int level) throws SQLException {
    return switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
      case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
      default -> throw new SQLException("unsupported transaction isolation " + level, "HY024");
    };
  }
}
