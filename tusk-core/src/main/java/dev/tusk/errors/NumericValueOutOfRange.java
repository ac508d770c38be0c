// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22003: numeric_value_out_of_range. */
public final class NumericValueOutOfRange extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22003";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NumericValueOutOfRange(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NumericValueOutOfRange(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
