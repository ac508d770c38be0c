// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22035: no_sql_json_item. */
public final class NoSqlJsonItem extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22035";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NoSqlJsonItem(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NoSqlJsonItem(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
