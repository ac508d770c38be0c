// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV009: fdw_invalid_use_of_null_pointer. */
public final class FdwInvalidUseOfNullPointer extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV009";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidUseOfNullPointer(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidUseOfNullPointer(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
