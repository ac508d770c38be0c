// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22026: string_data_length_mismatch. */
public final class StringDataLengthMismatch extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22026";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public StringDataLengthMismatch(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public StringDataLengthMismatch(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
