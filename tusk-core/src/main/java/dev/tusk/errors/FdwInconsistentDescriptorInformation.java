// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV021: fdw_inconsistent_descriptor_information. */
public final class FdwInconsistentDescriptorInformation extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV021";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInconsistentDescriptorInformation(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInconsistentDescriptorInformation(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
