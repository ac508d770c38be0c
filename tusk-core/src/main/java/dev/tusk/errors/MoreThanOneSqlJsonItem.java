// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22034: more_than_one_sql_json_item. */
public final class MoreThanOneSqlJsonItem extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22034";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public MoreThanOneSqlJsonItem(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public MoreThanOneSqlJsonItem(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
