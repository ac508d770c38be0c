package dev.tusk;

/**
 * How a transaction starts: {@code BEGIN [ISOLATION LEVEL ...] [READ ONLY] [DEFERRABLE]}. A null
 * field keeps the server's default. Ignored for savepoints, which inherit the outer transaction's
 * mode.
 *
 * @param isolationLevel the isolation level, or null for the server default
 * @param readOnly true for READ ONLY, false for READ WRITE, null for the default
 * @param deferrable true for DEFERRABLE, false for NOT DEFERRABLE, null for the default
 */
public record TransactionOptions(
    IsolationLevel isolationLevel, Boolean readOnly, Boolean deferrable) {

  /** The server's defaults. */
  public static final TransactionOptions DEFAULT = new TransactionOptions(null, null, null);

  /** These options with {@code level} as isolation level. */
  public TransactionOptions withIsolationLevel(IsolationLevel level) {
    return new TransactionOptions(level, readOnly, deferrable);
  }

  /** These options, read-only or read-write. */
  public TransactionOptions withReadOnly(boolean value) {
    return new TransactionOptions(isolationLevel, value, deferrable);
  }

  /** These options, deferrable or not. */
  public TransactionOptions withDeferrable(boolean value) {
    return new TransactionOptions(isolationLevel, readOnly, value);
  }

  /** The {@code BEGIN} statement for these options. */
  public String beginStatement() {
    StringBuilder sql = new StringBuilder("BEGIN");
    if (isolationLevel != null) {
      sql.append(" ISOLATION LEVEL ").append(isolationLevel.sql());
    }
    if (readOnly != null) {
      sql.append(readOnly ? " READ ONLY" : " READ WRITE");
    }
    if (deferrable != null) {
      sql.append(deferrable ? " DEFERRABLE" : " NOT DEFERRABLE");
    }
    return sql.toString();
  }
}
