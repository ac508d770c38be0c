// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25005: no_active_sql_transaction_for_branch_transaction. */
public final class NoActiveSqlTransactionForBranchTransaction extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25005";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NoActiveSqlTransactionForBranchTransaction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NoActiveSqlTransactionForBranchTransaction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
