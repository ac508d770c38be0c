// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2201B: invalid_regular_expression. */
public final class InvalidRegularExpression extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2201B";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidRegularExpression(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidRegularExpression(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
