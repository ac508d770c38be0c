// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE XX002: index_corrupted. */
public final class IndexCorrupted extends InternalErrorXx000 {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "XX002";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public IndexCorrupted(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public IndexCorrupted(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
