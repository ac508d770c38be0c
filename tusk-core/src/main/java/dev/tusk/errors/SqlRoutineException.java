// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2F000: sql_routine_exception. */
public sealed class SqlRoutineException extends OperationalError
    permits FunctionExecutedNoReturnStatement,
        ModifyingSqlDataNotPermitted,
        ProhibitedSqlStatementAttempted,
        ReadingSqlDataNotPermitted {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2F000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlRoutineException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlRoutineException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
