// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25P03: idle_in_transaction_session_timeout. */
public final class IdleInTransactionSessionTimeout extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25P03";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public IdleInTransactionSessionTimeout(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public IdleInTransactionSessionTimeout(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
