// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE XX001: data_corrupted. */
public final class DataCorrupted extends InternalErrorXx000 {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "XX001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DataCorrupted(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DataCorrupted(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
