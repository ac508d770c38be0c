// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2201E: invalid_argument_for_logarithm. */
public final class InvalidArgumentForLogarithm extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2201E";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidArgumentForLogarithm(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidArgumentForLogarithm(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
