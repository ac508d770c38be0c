// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 23502: not_null_violation. */
public final class NotNullViolation extends IntegrityConstraintViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "23502";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NotNullViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NotNullViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
