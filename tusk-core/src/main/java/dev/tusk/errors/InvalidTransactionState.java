// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25000: invalid_transaction_state. */
public sealed class InvalidTransactionState extends InternalError
    permits ActiveSqlTransaction,
        BranchTransactionAlreadyActive,
        HeldCursorRequiresSameIsolationLevel,
        InappropriateAccessModeForBranchTransaction,
        InappropriateIsolationLevelForBranchTransaction,
        NoActiveSqlTransactionForBranchTransaction,
        ReadOnlySqlTransaction,
        SchemaAndDataStatementMixingNotSupported,
        NoActiveSqlTransaction,
        InFailedSqlTransaction,
        IdleInTransactionSessionTimeout {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidTransactionState(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidTransactionState(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
