// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2B000: dependent_privilege_descriptors_still_exist. */
public sealed class DependentPrivilegeDescriptorsStillExist extends InternalError
    permits DependentObjectsStillExist {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2B000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DependentPrivilegeDescriptorsStillExist(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DependentPrivilegeDescriptorsStillExist(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
