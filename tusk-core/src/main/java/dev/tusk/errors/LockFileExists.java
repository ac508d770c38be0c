// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE F0001: lock_file_exists. */
public final class LockFileExists extends ConfigFileError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "F0001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public LockFileExists(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public LockFileExists(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
