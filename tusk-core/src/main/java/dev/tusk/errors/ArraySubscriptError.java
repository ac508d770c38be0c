// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2202E: array_subscript_error. */
public final class ArraySubscriptError extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2202E";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ArraySubscriptError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ArraySubscriptError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
