// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 42P06: duplicate_schema. */
public final class DuplicateSchema extends SyntaxErrorOrAccessRuleViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "42P06";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public DuplicateSchema(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public DuplicateSchema(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
