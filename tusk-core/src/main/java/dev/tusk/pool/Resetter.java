package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import java.util.function.Consumer;

/**
 * Puts a returned connection back the way the pool keeps it idle: no open transaction, autocommit
 * on (a loan's own default is set again when it is next lent), then the user's {@code reset} hook.
 * Session settings are kept, so what the {@code configure} hook set lasts. Costs no round trip when
 * the connection is clean.
 */
final class Resetter {

  private final Consumer<Connection> hook;

  Resetter(Consumer<Connection> hook) {
    this.hook = hook;
  }

  /** Whether the connection needs resetting, not counting the hook. */
  boolean needsReset(Connection connection) {
    return connection.closed() || inTransaction(connection) || !connection.autocommit();
  }

  /** Resets the connection; false if it is closed or anything failed, so it must be dropped. */
  boolean reset(Connection connection) {
    try {
      if (connection.closed()) {
        return false;
      }
      if (hook == null && !inTransaction(connection) && connection.autocommit()) {
        return true; // clean, the common case: nothing to do, nothing to check again
      }
      if (inTransaction(connection)) {
        if (!connection.autocommit()) {
          connection.rollback();
        }
        if (inTransaction(connection)) {
          connection.execute("ROLLBACK"); // opened by SQL, which rollback() leaves alone
        }
      }
      if (!connection.autocommit()) {
        connection.setAutocommit(true);
      }
      if (hook != null) {
        hook.accept(connection);
      }
      return !connection.closed() && !inTransaction(connection);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean inTransaction(Connection connection) {
    return connection.info().transactionStatus() != TransactionStatus.IDLE;
  }
}
