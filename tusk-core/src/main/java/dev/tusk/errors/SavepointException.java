// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 3B000: savepoint_exception. */
public sealed class SavepointException extends OperationalError
    permits InvalidSavepointSpecification {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "3B000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SavepointException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SavepointException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
