// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22030: duplicate_json_object_key_value. */
public final class DuplicateJsonObjectKeyValue extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22030";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DuplicateJsonObjectKeyValue(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DuplicateJsonObjectKeyValue(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
