// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22007: invalid_datetime_format. */
public final class InvalidDatetimeFormat extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22007";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidDatetimeFormat(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidDatetimeFormat(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
