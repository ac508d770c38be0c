// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22004: null_value_not_allowed. */
public final class NullValueNotAllowed extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NullValueNotAllowed(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NullValueNotAllowed(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
