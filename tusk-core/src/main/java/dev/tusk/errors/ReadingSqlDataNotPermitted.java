// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2F004: reading_sql_data_not_permitted. */
public final class ReadingSqlDataNotPermitted extends SqlRoutineException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2F004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ReadingSqlDataNotPermitted(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ReadingSqlDataNotPermitted(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
