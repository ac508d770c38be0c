// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV008: fdw_invalid_column_number. */
public final class FdwInvalidColumnNumber extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV008";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidColumnNumber(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidColumnNumber(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
