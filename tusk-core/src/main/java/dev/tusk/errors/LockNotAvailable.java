// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 55P03: lock_not_available. */
public final class LockNotAvailable extends ObjectNotInPrerequisiteState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "55P03";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public LockNotAvailable(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public LockNotAvailable(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
