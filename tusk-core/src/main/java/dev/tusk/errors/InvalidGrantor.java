// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0L000: invalid_grantor. */
public sealed class InvalidGrantor extends DatabaseError permits InvalidGrantOperation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0L000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidGrantor(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidGrantor(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
