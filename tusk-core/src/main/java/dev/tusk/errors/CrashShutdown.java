// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 57P02: crash_shutdown. */
public final class CrashShutdown extends OperatorIntervention {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "57P02";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public CrashShutdown(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public CrashShutdown(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
