// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 40002: transaction_integrity_constraint_violation. */
public final class TransactionIntegrityConstraintViolation extends TransactionRollback {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "40002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TransactionIntegrityConstraintViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TransactionIntegrityConstraintViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
