// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2F002: modifying_sql_data_not_permitted. */
public final class ModifyingSqlDataNotPermitted extends SqlRoutineException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2F002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ModifyingSqlDataNotPermitted(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ModifyingSqlDataNotPermitted(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
