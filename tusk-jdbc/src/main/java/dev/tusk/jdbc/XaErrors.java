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
}
