package dev.tusk;

/** PostgreSQL's transaction isolation levels. */
public enum IsolationLevel {
  READ_UNCOMMITTED("READ UNCOMMITTED"),
  READ_COMMITTED("READ COMMITTED"),
  REPEATABLE_READ("REPEATABLE READ"),
  SERIALIZABLE("SERIALIZABLE");

  private final String sql;

  IsolationLevel(String sql) {
    this.sql = sql;
  }

  /** The level as written in SQL, e.g. {@code REPEATABLE READ}. */
  public String sql() {
    return sql;
  }
}
