// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE XX000: internal_error. */
public sealed class InternalErrorXx000 extends InternalError permits DataCorrupted, IndexCorrupted {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "XX000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InternalErrorXx000(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InternalErrorXx000(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
