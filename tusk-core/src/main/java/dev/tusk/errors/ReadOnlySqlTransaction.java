// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25006: read_only_sql_transaction. */
public final class ReadOnlySqlTransaction extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25006";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ReadOnlySqlTransaction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ReadOnlySqlTransaction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
