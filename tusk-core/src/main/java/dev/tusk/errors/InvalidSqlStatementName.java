// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 26000: invalid_sql_statement_name. */
public final class InvalidSqlStatementName extends ProgrammingError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "26000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidSqlStatementName(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidSqlStatementName(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
