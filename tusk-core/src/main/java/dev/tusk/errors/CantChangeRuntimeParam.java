// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 55P02: cant_change_runtime_param. */
public final class CantChangeRuntimeParam extends ObjectNotInPrerequisiteState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "55P02";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public CantChangeRuntimeParam(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public CantChangeRuntimeParam(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
