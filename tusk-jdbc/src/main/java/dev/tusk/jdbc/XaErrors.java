package dev.tusk.jdbc;

import javax.transaction.xa.XAException;

/** {@link XAException}s with a message (its constructors take a code or a message, not both). */
final class XaErrors {

  private XaErrors() {}

  /** An XAException with {@code code} ({@code XAER_*} or {@code XA_RB*}) and {@code message}. */
  static XAException of(int code, String message) {
    XAException error = new XAException(message);
    error.errorCode = code;
    return error;
  }

  /** Like {@link #of(int, String)}, caused by {@code cause}. */
  static XAException of(int code, String message, Throwable cause) {
    XAException error = of(code, message);
    error.initCause(cause);
    return error;
  }

  /**
   * The {@code XA_RB*} code for a branch the server rolled back because of {@code cause} (a failed
   * PREPARE or one-phase COMMIT): integrity for a deferred constraint (class 23), deadlock for
   * 40P01, transient for a serialization failure (40001: the branch may be retried), timeout for a
   * cancelled statement (57014), rollback for anything else.
   */
  static int rollbackCode(Throwable cause) {
    String state = cause instanceof dev.tusk.errors.DatabaseError error ? error.sqlState() : "";
    if (state == null) {
      return XAException.XA_RBROLLBACK;
    }
    if (state.startsWith("23")) {
      return XAException.XA_RBINTEGRITY;
    }
    return switch (state) {
      case "40P01" -> XAException.XA_RBDEADLOCK;
      case "40001" -> XAException.XA_RBTRANSIENT;
      case "57014" -> XAException.XA_RBTIMEOUT;
      default -> XAException.XA_RBROLLBACK;
    };
  }
}
