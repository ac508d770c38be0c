// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22018: invalid_character_value_for_cast. */
public final class InvalidCharacterValueForCast extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22018";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidCharacterValueForCast(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidCharacterValueForCast(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
