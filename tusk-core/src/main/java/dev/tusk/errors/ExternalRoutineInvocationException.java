// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 39000: external_routine_invocation_exception. */
public sealed class ExternalRoutineInvocationException extends OperationalError
    permits InvalidSqlstateReturned,
        NullValueNotAllowedExternal,
        TriggerProtocolViolated,
        SrfProtocolViolated,
        EventTriggerProtocolViolated {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "39000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ExternalRoutineInvocationException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ExternalRoutineInvocationException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
