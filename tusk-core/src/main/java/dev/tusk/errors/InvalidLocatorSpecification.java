// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0F001: invalid_locator_specification. */
public final class InvalidLocatorSpecification extends LocatorException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0F001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidLocatorSpecification(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidLocatorSpecification(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
