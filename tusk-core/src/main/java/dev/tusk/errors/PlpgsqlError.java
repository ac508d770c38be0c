// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE P0000: plpgsql_error. */
public sealed class PlpgsqlError extends ProgrammingError
    permits RaiseException, NoDataFound, TooManyRows, AssertFailure {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "P0000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public PlpgsqlError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public PlpgsqlError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
