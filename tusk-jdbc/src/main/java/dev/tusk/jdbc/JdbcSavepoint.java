package dev.tusk.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint set by {@link JdbcConnection#setSavepoint}: named by the caller or numbered. */
record JdbcSavepoint(int id, String name) implements Savepoint {

  /** The savepoint's name in SQL: the caller's, quoted, or {@code tusk_savepoint_<id>}. */
  String sqlName() {
    return name == null ? "tusk_savepoint_" + id : SqlText.identifier(name);
  }

  static JdbcSavepoint of(Savepoint savepoint) throws SQLException {
    if (savepoint instanceof JdbcSavepoint ours) {
      return ours;
    }
    throw new SQLException("not a savepoint of this driver: " + savepoint, "3B001");
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw new SQLException("a named savepoint has no id: use getSavepointName()", "HY000");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw new SQLException("an unnamed savepoint has no name: use getSavepointId()", "HY000");
    }
    return name;
  }
}
