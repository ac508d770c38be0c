// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 09000: triggered_action_exception. */
public final class TriggeredActionException extends DatabaseError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "09000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TriggeredActionException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TriggeredActionException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
