// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 72000: snapshot_too_old. */
public final class SnapshotTooOld extends DatabaseError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "72000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SnapshotTooOld(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SnapshotTooOld(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
