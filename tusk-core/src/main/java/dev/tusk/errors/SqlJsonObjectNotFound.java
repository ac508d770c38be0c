// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2203C: sql_json_object_not_found. */
public final class SqlJsonObjectNotFound extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2203C";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlJsonObjectNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlJsonObjectNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
