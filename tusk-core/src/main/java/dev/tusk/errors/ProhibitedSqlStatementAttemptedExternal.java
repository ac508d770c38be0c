// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 38003: prohibited_sql_statement_attempted. */
public final class ProhibitedSqlStatementAttemptedExternal extends ExternalRoutineException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "38003";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ProhibitedSqlStatementAttemptedExternal(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ProhibitedSqlStatementAttemptedExternal(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
