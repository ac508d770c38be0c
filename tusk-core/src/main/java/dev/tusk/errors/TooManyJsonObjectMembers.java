// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2203E: too_many_json_object_members. */
public final class TooManyJsonObjectMembers extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2203E";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TooManyJsonObjectMembers(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TooManyJsonObjectMembers(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
