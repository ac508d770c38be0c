// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 38004: reading_sql_data_not_permitted. */
public final class ReadingSqlDataNotPermittedExternal extends ExternalRoutineException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "38004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ReadingSqlDataNotPermittedExternal(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ReadingSqlDataNotPermittedExternal(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
