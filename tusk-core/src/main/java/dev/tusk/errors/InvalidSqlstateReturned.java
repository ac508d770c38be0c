// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 39001: invalid_sqlstate_returned. */
public final class InvalidSqlstateReturned extends ExternalRoutineInvocationException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "39001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidSqlstateReturned(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidSqlstateReturned(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
