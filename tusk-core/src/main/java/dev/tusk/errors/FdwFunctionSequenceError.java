// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV010: fdw_function_sequence_error. */
public final class FdwFunctionSequenceError extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV010";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwFunctionSequenceError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwFunctionSequenceError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
