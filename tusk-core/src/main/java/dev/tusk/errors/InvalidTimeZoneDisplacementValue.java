// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22009: invalid_time_zone_displacement_value. */
public final class InvalidTimeZoneDisplacementValue extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22009";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidTimeZoneDisplacementValue(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidTimeZoneDisplacementValue(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
