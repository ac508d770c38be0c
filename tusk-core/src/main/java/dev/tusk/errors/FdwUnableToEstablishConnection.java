// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00N: fdw_unable_to_establish_connection. */
public final class FdwUnableToEstablishConnection extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00N";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwUnableToEstablishConnection(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwUnableToEstablishConnection(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
