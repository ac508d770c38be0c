// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22036: non_numeric_sql_json_item. */
public final class NonNumericSqlJsonItem extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22036";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NonNumericSqlJsonItem(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NonNumericSqlJsonItem(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
