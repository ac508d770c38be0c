// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25004: inappropriate_isolation_level_for_branch_transaction. */
public final class InappropriateIsolationLevelForBranchTransaction extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InappropriateIsolationLevelForBranchTransaction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InappropriateIsolationLevelForBranchTransaction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
