// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2BP01: dependent_objects_still_exist. */
public final class DependentObjectsStillExist extends DependentPrivilegeDescriptorsStillExist {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2BP01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DependentObjectsStillExist(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DependentObjectsStillExist(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
