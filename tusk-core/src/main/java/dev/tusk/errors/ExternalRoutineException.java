// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 38000: external_routine_exception. */
public sealed class ExternalRoutineException extends OperationalError
    permits ContainingSqlNotPermitted,
        ModifyingSqlDataNotPermittedExternal,
        ProhibitedSqlStatementAttemptedExternal,
        ReadingSqlDataNotPermittedExternal {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "38000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ExternalRoutineException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ExternalRoutineException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
