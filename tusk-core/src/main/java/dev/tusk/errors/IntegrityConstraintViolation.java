// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 23000: integrity_constraint_violation. */
public sealed class IntegrityConstraintViolation extends IntegrityError
    permits RestrictViolation,
        NotNullViolation,
        ForeignKeyViolation,
        UniqueViolation,
        CheckViolation,
        ExclusionViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "23000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public IntegrityConstraintViolation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public IntegrityConstraintViolation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
