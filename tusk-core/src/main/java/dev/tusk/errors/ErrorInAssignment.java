// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22005: error_in_assignment. */
public final class ErrorInAssignment extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22005";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ErrorInAssignment(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ErrorInAssignment(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
