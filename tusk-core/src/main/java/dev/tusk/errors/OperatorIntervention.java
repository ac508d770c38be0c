// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 57000: operator_intervention. */
public sealed class OperatorIntervention extends OperationalError
    permits QueryCanceled,
        AdminShutdown,
        CrashShutdown,
        CannotConnectNow,
        DatabaseDropped,
        IdleSessionTimeout {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "57000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public OperatorIntervention(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public OperatorIntervention(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
