// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0P000: invalid_role_specification. */
public final class InvalidRoleSpecification extends DatabaseError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0P000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidRoleSpecification(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidRoleSpecification(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
