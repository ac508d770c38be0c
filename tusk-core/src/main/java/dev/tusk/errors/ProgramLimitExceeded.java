// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 54000: program_limit_exceeded. */
public sealed class ProgramLimitExceeded extends OperationalError
    permits StatementTooComplex, TooManyColumns, TooManyArguments {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "54000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ProgramLimitExceeded(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ProgramLimitExceeded(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
