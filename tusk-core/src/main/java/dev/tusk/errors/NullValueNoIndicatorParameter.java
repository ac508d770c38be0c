// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22002: null_value_no_indicator_parameter. */
public final class NullValueNoIndicatorParameter extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NullValueNoIndicatorParameter(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NullValueNoIndicatorParameter(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
