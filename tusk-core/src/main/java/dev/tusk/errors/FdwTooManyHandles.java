// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV014: fdw_too_many_handles. */
public final class FdwTooManyHandles extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV014";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwTooManyHandles(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwTooManyHandles(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
