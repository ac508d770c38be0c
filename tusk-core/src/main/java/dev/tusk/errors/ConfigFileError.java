// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE F0000: config_file_error. */
public sealed class ConfigFileError extends OperationalError permits LockFileExists {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "F0000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ConfigFileError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ConfigFileError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
