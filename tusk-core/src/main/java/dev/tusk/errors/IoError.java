// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 58030: io_error. */
public final class IoError extends SystemError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "58030";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public IoError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public IoError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
