// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE P0001: raise_exception. */
public final class RaiseException extends PlpgsqlError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "P0001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public RaiseException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public RaiseException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
