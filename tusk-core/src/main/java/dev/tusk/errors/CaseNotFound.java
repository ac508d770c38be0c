// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 20000: case_not_found. */
public final class CaseNotFound extends ProgrammingError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "20000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public CaseNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public CaseNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
