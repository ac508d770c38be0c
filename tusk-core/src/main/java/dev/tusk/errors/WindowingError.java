// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 42P20: windowing_error. */
public final class WindowingError extends SyntaxErrorOrAccessRuleViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "42P20";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public WindowingError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public WindowingError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
