// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 53000: insufficient_resources. */
public sealed class InsufficientResources extends OperationalError
    permits DiskFull, OutOfMemory, TooManyConnections, ConfigurationLimitExceeded {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "53000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InsufficientResources(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InsufficientResources(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
