// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22031: invalid_argument_for_sql_json_datetime_function. */
public final class InvalidArgumentForSqlJsonDatetimeFunction extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22031";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidArgumentForSqlJsonDatetimeFunction(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidArgumentForSqlJsonDatetimeFunction(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
