// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV024: fdw_invalid_attribute_value. */
public final class FdwInvalidAttributeValue extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV024";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidAttributeValue(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidAttributeValue(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
