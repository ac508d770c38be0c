// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2201F: invalid_argument_for_power_function. */
public final class InvalidArgumentForPowerFunction extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2201F";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidArgumentForPowerFunction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidArgumentForPowerFunction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
