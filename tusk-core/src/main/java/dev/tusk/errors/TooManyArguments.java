// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 54023: too_many_arguments. */
public final class TooManyArguments extends ProgramLimitExceeded {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "54023";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TooManyArguments(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TooManyArguments(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
