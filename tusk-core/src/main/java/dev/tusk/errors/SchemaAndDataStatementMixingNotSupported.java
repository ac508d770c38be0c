// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 25007: schema_and_data_statement_mixing_not_supported. */
public final class SchemaAndDataStatementMixingNotSupported extends InvalidTransactionState {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "25007";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SchemaAndDataStatementMixingNotSupported(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SchemaAndDataStatementMixingNotSupported(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
