// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22010: invalid_indicator_parameter_value. */
public final class InvalidIndicatorParameterValue extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22010";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidIndicatorParameterValue(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidIndicatorParameterValue(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
