// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2200D: invalid_escape_octet. */
public final class InvalidEscapeOctet extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2200D";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidEscapeOctet(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidEscapeOctet(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
