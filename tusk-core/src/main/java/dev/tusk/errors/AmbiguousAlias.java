// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 42P09: ambiguous_alias. */
public final class AmbiguousAlias extends SyntaxErrorOrAccessRuleViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "42P09";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public AmbiguousAlias(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public AmbiguousAlias(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
