// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0F000: locator_exception. */
public sealed class LocatorException extends DatabaseError permits InvalidLocatorSpecification {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0F000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public LocatorException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public LocatorException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
