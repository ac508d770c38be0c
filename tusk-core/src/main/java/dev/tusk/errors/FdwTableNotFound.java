// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00R: fdw_table_not_found. */
public final class FdwTableNotFound extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00R";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwTableNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwTableNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
