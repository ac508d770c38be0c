// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 28P01: invalid_password. */
public final class InvalidPassword extends InvalidAuthorizationSpecification {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "28P01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidPassword(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidPassword(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
