// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 42P15: invalid_schema_definition. */
public final class InvalidSchemaDefinition extends SyntaxErrorOrAccessRuleViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "42P15";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidSchemaDefinition(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidSchemaDefinition(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
