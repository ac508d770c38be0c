// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25002: branch_transaction_already_active. */
public final class BranchTransactionAlreadyActive extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public BranchTransactionAlreadyActive(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public BranchTransactionAlreadyActive(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
