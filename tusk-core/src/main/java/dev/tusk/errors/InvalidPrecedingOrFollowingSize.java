// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 22013: invalid_preceding_or_following_size. */
public final class InvalidPrecedingOrFollowingSize extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "22013";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidPrecedingOrFollowingSize(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidPrecedingOrFollowingSize(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
