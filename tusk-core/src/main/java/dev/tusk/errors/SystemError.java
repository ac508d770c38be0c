// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 58000: system_error. */
public sealed class SystemError extends OperationalError
    permits IoError, UndefinedFile, DuplicateFile {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "58000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SystemError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SystemError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
