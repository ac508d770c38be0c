// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 44000: with_check_option_violation. */
public final class WithCheckOptionViolation extends ProgrammingError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "44000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public WithCheckOptionViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public WithCheckOptionViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
