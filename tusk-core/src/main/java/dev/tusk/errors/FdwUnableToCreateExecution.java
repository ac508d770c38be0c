// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00L: fdw_unable_to_create_execution. */
public final class FdwUnableToCreateExecution extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00L";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwUnableToCreateExecution(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwUnableToCreateExecution(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
