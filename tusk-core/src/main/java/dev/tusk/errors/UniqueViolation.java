// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 23505: unique_violation. */
public final class UniqueViolation extends IntegrityConstraintViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "23505";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public UniqueViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public UniqueViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
