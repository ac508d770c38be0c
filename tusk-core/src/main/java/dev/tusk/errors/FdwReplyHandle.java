// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE HV00K: fdw_reply_handle. */
public final class FdwReplyHandle extends FdwError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "HV00K";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FdwReplyHandle(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FdwReplyHandle(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
