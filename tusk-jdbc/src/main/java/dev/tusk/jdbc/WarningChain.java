package dev.tusk.jdbc;

import java.sql.SQLWarning;

/**
 * The warnings of one JDBC object (connection, statement, result set). Notices are added by the
 * thread that reads the connection's socket while the owner may read the chain, so the two meet
 * under this object's lock (short, never blocking).
 */
final class WarningChain {

  private SQLWarning first;
  private SQLWarning last;

  synchronized void add(SQLWarning warning) {
    if (first == null) {
      first = warning;
    } else {
      last.setNextWarning(warning);
    }
    last = warning;
  }

  /** The first warning, chained to the others, or null. */
  synchronized SQLWarning first() {
    return first;
  }

  synchronized void clear() {
    first = null;
    last = null;
  }
}
