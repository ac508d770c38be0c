// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22012: division_by_zero. */
public final class DivisionByZero extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22012";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DivisionByZero(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DivisionByZero(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
