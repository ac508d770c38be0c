// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE P0003: too_many_rows. */
public final class TooManyRows extends PlpgsqlError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "P0003";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TooManyRows(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TooManyRows(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
