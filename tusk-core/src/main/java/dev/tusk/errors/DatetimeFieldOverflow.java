// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22008: datetime_field_overflow. */
public final class DatetimeFieldOverflow extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22008";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DatetimeFieldOverflow(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DatetimeFieldOverflow(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
