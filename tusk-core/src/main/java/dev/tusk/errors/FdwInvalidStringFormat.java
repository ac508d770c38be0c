// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00A: fdw_invalid_string_format. */
public final class FdwInvalidStringFormat extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00A";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidStringFormat(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidStringFormat(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
