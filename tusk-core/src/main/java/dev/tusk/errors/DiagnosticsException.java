// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0Z000: diagnostics_exception. */
public sealed class DiagnosticsException extends DatabaseError
    permits StackedDiagnosticsAccessedWithoutActiveHandler {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0Z000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DiagnosticsException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DiagnosticsException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
