// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2203B: sql_json_number_not_found. */
public final class SqlJsonNumberNotFound extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2203B";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlJsonNumberNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlJsonNumberNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
