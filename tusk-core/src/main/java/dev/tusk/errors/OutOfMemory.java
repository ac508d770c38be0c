// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 53200: out_of_memory. */
public final class OutOfMemory extends InsufficientResources {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "53200";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public OutOfMemory(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public OutOfMemory(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
