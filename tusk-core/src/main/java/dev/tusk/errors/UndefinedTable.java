// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 42P01: undefined_table. */
public final class UndefinedTable extends SyntaxErrorOrAccessRuleViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "42P01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public UndefinedTable(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public UndefinedTable(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
