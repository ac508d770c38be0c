// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE P0004: assert_failure. */
public final class AssertFailure extends PlpgsqlError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "P0004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public AssertFailure(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public AssertFailure(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
