// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0B000: invalid_transaction_initiation. */
public final class InvalidTransactionInitiation extends DatabaseError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0B000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidTransactionInitiation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidTransactionInitiation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
