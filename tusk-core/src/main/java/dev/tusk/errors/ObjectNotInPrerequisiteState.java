// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 55000: object_not_in_prerequisite_state. */
public sealed class ObjectNotInPrerequisiteState extends OperationalError
    permits ObjectInUse, CantChangeRuntimeParam, LockNotAvailable, UnsafeNewEnumValueUsage {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "55000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ObjectNotInPrerequisiteState(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ObjectNotInPrerequisiteState(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
