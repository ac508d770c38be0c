package dev.tusk.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** The result set kinds tusk-jdbc makes. */
final class ResultSets {

  private ResultSets() {}

  /**
   * The type a statement's result sets get: forward-only or scroll-insensitive (a sensitive one is
   * made insensitive, as JDBC allows: a scrollable result is received whole). Only read-only
   * concurrency exists.
   */
  static int checkType(int type, int concurrency) throws SQLException {
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw new SQLFeatureNotSupportedException(
          "only CONCUR_READ_ONLY result sets are supported: update with UPDATE statements",
          "0A000");
    }
    return switch (type) {
      case ResultSet.TYPE_FORWARD_ONLY -> type;
      case ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE ->
          ResultSet.TYPE_SCROLL_INSENSITIVE;
      default -> throw new SQLException("unknown result set type " + type, "HY024");
    };
  }
}
