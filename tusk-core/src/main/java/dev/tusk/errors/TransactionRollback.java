// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 40000: transaction_rollback. */
public sealed class TransactionRollback extends OperationalError
    permits TransactionIntegrityConstraintViolation,
        SerializationFailure,
        StatementCompletionUnknown,
        DeadlockDetected {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "40000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TransactionRollback(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TransactionRollback(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
