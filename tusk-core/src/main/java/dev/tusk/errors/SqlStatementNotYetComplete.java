// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 03000: sql_statement_not_yet_complete. */
public final class SqlStatementNotYetComplete extends DatabaseError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "03000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlStatementNotYetComplete(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlStatementNotYetComplete(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
