// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 28000: invalid_authorization_specification. */
public sealed class InvalidAuthorizationSpecification extends OperationalError
    permits InvalidPassword {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "28000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidAuthorizationSpecification(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidAuthorizationSpecification(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
