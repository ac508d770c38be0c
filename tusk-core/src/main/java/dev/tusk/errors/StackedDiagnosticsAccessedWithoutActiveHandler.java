// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0Z002: stacked_diagnostics_accessed_without_active_handler. */
public final class StackedDiagnosticsAccessedWithoutActiveHandler extends DiagnosticsException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0Z002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public StackedDiagnosticsAccessedWithoutActiveHandler(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public StackedDiagnosticsAccessedWithoutActiveHandler(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
