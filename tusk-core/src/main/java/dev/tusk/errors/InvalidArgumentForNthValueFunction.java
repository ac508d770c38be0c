// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22016: invalid_argument_for_nth_value_function. */
public final class InvalidArgumentForNthValueFunction extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22016";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidArgumentForNthValueFunction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidArgumentForNthValueFunction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
