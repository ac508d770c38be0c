// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22P01: floating_point_exception. */
public final class FloatingPointException extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22P01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FloatingPointException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FloatingPointException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
