// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 34000: invalid_cursor_name. */
public final class InvalidCursorName extends ProgrammingError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "34000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidCursorName(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidCursorName(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
