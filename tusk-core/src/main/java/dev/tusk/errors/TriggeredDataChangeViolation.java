// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 27000: triggered_data_change_violation. */
public final class TriggeredDataChangeViolation extends OperationalError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "27000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TriggeredDataChangeViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TriggeredDataChangeViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
