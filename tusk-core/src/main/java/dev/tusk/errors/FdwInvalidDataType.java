// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV004: fdw_invalid_data_type. */
public final class FdwInvalidDataType extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidDataType(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidDataType(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
