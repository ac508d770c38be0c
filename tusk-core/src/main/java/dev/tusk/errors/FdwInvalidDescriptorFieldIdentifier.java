// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV091: fdw_invalid_descriptor_field_identifier. */
public final class FdwInvalidDescriptorFieldIdentifier extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV091";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidDescriptorFieldIdentifier(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidDescriptorFieldIdentifier(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
