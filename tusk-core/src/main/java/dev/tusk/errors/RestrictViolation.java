// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 23001: restrict_violation. */
public final class RestrictViolation extends IntegrityConstraintViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "23001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public RestrictViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public RestrictViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
