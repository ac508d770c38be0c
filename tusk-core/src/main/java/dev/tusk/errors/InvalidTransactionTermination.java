// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2D000: invalid_transaction_termination. */
public final class InvalidTransactionTermination extends InternalError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2D000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidTransactionTermination(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidTransactionTermination(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
