// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 53100: disk_full. */
public final class DiskFull extends InsufficientResources {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "53100";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DiskFull(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DiskFull(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
