// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22023: invalid_parameter_value. */
public final class InvalidParameterValue extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22023";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidParameterValue(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidParameterValue(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
