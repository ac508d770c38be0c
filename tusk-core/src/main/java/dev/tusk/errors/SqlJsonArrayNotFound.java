// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22039: sql_json_array_not_found. */
public final class SqlJsonArrayNotFound extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22039";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlJsonArrayNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlJsonArrayNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
