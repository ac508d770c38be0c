// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0LP01: invalid_grant_operation. */
public final class InvalidGrantOperation extends InvalidGrantor {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0LP01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidGrantOperation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidGrantOperation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
