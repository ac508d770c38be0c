// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 24000: invalid_cursor_state. */
public final class InvalidCursorState extends InternalError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "24000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidCursorState(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidCursorState(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
