// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25008: held_cursor_requires_same_isolation_level. */
public final class HeldCursorRequiresSameIsolationLevel extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25008";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public HeldCursorRequiresSameIsolationLevel(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public HeldCursorRequiresSameIsolationLevel(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
