// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 3B001: invalid_savepoint_specification. */
public final class InvalidSavepointSpecification extends SavepointException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "3B001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidSavepointSpecification(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidSavepointSpecification(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
