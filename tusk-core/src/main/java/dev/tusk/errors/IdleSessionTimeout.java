// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 57P05: idle_session_timeout. */
public final class IdleSessionTimeout extends OperatorIntervention {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "57P05";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public IdleSessionTimeout(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public IdleSessionTimeout(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
