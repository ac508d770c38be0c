// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 54001: statement_too_complex. */
public final class StatementTooComplex extends ProgramLimitExceeded {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "54001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public StatementTooComplex(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public StatementTooComplex(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
