// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV001: fdw_out_of_memory. */
public final class FdwOutOfMemory extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwOutOfMemory(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwOutOfMemory(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
