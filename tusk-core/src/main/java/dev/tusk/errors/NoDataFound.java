// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE P0002: no_data_found. */
public final class NoDataFound extends PlpgsqlError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "P0002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NoDataFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NoDataFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
