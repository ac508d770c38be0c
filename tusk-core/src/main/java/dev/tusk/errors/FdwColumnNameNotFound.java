// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV005: fdw_column_name_not_found. */
public final class FdwColumnNameNotFound extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV005";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwColumnNameNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwColumnNameNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
