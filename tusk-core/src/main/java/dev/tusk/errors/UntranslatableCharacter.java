// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22P05: untranslatable_character. */
public final class UntranslatableCharacter extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22P05";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public UntranslatableCharacter(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public UntranslatableCharacter(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
