// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 55006: object_in_use. */
public final class ObjectInUse extends ObjectNotInPrerequisiteState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "55006";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ObjectInUse(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ObjectInUse(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
