// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25003: inappropriate_access_mode_for_branch_transaction. */
public final class InappropriateAccessModeForBranchTransaction extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25003";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InappropriateAccessModeForBranchTransaction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InappropriateAccessModeForBranchTransaction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
