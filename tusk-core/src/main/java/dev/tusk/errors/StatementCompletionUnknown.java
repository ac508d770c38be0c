// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 40003: statement_completion_unknown. */
public final class StatementCompletionUnknown extends TransactionRollback {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "40003";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public StatementCompletionUnknown(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public StatementCompletionUnknown(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
