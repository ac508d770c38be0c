// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25P01: no_active_sql_transaction. */
public final class NoActiveSqlTransaction extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25P01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NoActiveSqlTransaction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NoActiveSqlTransaction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
