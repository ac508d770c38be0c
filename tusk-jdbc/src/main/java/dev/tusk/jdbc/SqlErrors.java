package dev.tusk.jdbc;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.TuskException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Turns Tusk's exceptions into JDBC's: the {@link SQLException} subclass JDBC 4 assigns to the
 * SQLSTATE's class, with the SQLSTATE, the same message, and the Tusk exception (with its full
 * {@link dev.tusk.errors.Diagnostic}) as the cause.
 */
final class SqlErrors {

  /** A call into Tusk that may throw its unchecked exceptions. */
  @FunctionalInterface
  interface TuskCall<T> {
    T call();
  }

  private SqlErrors() {}

  /** Runs {@code call}, translating a Tusk exception; {@code owner} says if it lost the link. */
  static <T> T run(TuskCall<T> call, JdbcConnection owner) throws SQLException {
    try {
      return call.call();
    } catch (TuskException e) {
      throw translate(e, owner != null && owner.tusk().closed());
    }
  }

  /**
   * The JDBC exception for {@code error}. Errors without a SQLSTATE (client-side ones) get 08003
   * when the connection is gone, so that pools evict it, and no SQLSTATE otherwise.
   */
  static SQLException translate(TuskException error, boolean connectionClosed) {
    String state = error instanceof DatabaseError database ? database.sqlState() : null;
    if (state == null && connectionClosed) {
      state = "08003";
    }
    String message = error.getMessage();
    SQLException translated =
        "08001".equals(state) && refusedByTls(error)
            ? new SQLNonTransientConnectionException(message, state)
            : forState(message, state);
    translated.initCause(error);
    return translated;
  }

  /**
   * Whether a failed connection attempt failed on TLS itself (a certificate that does not verify, a
   * key that does not load): unlike a server that is not up yet, retrying cannot help until the
   * settings change, so it is not a transient failure.
   */
  private static boolean refusedByTls(Throwable error) {
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof javax.net.ssl.SSLException
          || cause instanceof java.security.GeneralSecurityException) {
        return true;
      }
    }
    return false;
  }

  private static SQLException forState(String message, String state) {
    if (state == null || state.length() != 5) {
      return new SQLException(message, state);
    }
    if (state.equals("57014")) {
      return new SQLTimeoutException(message, state);
    }
    if (state.startsWith("57P")) { // the server shut down or the backend was terminated
      return new SQLNonTransientConnectionException(message, state);
    }
    return switch (state.substring(0, 2)) {
      case "08" ->
          state.equals("08001") || state.equals("08004")
              ? new SQLTransientConnectionException(message, state)
              : new SQLNonTransientConnectionException(message, state);
      case "0A" -> new SQLFeatureNotSupportedException(message, state);
      case "22" -> new SQLDataException(message, state);
      case "23" -> new SQLIntegrityConstraintViolationException(message, state);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, state);
      case "40" -> new SQLTransactionRollbackException(message, state);
      case "42" -> new SQLSyntaxErrorException(message, state);
      case "53" -> new SQLTransientException(message, state);
      default -> new SQLException(message, state);
    };
  }
}
