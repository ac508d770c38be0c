// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2F005: function_executed_no_return_statement. */
public final class FunctionExecutedNoReturnStatement extends SqlRoutineException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2F005";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FunctionExecutedNoReturnStatement(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FunctionExecutedNoReturnStatement(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
