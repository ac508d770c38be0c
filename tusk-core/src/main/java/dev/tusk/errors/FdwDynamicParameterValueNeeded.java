// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV002: fdw_dynamic_parameter_value_needed. */
public final class FdwDynamicParameterValueNeeded extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwDynamicParameterValueNeeded(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwDynamicParameterValueNeeded(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
