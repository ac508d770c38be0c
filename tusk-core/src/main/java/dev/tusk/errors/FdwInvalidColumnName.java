// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV007: fdw_invalid_column_name. */
public final class FdwInvalidColumnName extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV007";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidColumnName(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidColumnName(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
