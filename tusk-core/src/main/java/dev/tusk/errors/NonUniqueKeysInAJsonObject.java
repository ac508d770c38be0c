// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22037: non_unique_keys_in_a_json_object. */
public final class NonUniqueKeysInAJsonObject extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22037";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NonUniqueKeysInAJsonObject(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NonUniqueKeysInAJsonObject(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
