// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 53300: too_many_connections. */
public final class TooManyConnections extends InsufficientResources {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "53300";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TooManyConnections(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TooManyConnections(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
