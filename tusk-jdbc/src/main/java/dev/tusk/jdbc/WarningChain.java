package dev.tusk.jdbc;

import java.sql.SQLWarning;

/**
 * The warnings of one JDBC object (connection, statement, result set). Notices are added by the
 * thread that reads the connection's socket while the owner may read the chain, so the two meet
 * under this object's lock (short, never blocking). Reading or clearing a chain that is empty, as
 * it nearly always is (every execution and every pooled connection's return clears one), takes no
 * lock.
 */
final class WarningChain {

  private volatile SQLWarning first; // written under the lock
  private SQLWarning last; // guarded by the lock

  synchronized void add(SQLWarning warning) {
    if (first == null) {
      first = warning;
    } else {
      last.setNextWarning(warning);
    }
    last = warning;
  }

  /** The first warning, chained to the others, or null. */
  SQLWarning first() {
    return first;
  }

  void clear() {
    if (first == null) {
      return; // empty: an add racing with this clear lands after it either way
    }
    synchronized (this) {
      first = null;
      last = null;
    }
  }
}
