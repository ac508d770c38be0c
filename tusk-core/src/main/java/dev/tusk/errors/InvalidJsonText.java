// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22032: invalid_json_text. */
public final class InvalidJsonText extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22032";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidJsonText(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidJsonText(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
