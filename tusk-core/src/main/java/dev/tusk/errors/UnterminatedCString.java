// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22024: unterminated_c_string. */
public final class UnterminatedCString extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22024";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public UnterminatedCString(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public UnterminatedCString(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
