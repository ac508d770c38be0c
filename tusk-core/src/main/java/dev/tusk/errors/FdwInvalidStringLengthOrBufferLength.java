// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV090: fdw_invalid_string_length_or_buffer_length. */
public final class FdwInvalidStringLengthOrBufferLength extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV090";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwInvalidStringLengthOrBufferLength(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwInvalidStringLengthOrBufferLength(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
