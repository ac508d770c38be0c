// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22038: singleton_sql_json_item_required. */
public final class SingletonSqlJsonItemRequired extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22038";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SingletonSqlJsonItemRequired(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SingletonSqlJsonItemRequired(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
