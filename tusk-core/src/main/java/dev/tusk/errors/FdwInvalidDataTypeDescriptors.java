// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV006: fdw_invalid_data_type_descriptors. */
public final class FdwInvalidDataTypeDescriptors extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV006";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidDataTypeDescriptors(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidDataTypeDescriptors(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
