// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 23P01: exclusion_violation. */
public final class ExclusionViolation extends IntegrityConstraintViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "23P01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ExclusionViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ExclusionViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
