// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 08006: connection_failure. */
public final class ConnectionFailure extends ConnectionException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "08006";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ConnectionFailure(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ConnectionFailure(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
