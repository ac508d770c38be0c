// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 57014: query_canceled. */
public final class QueryCanceled extends OperatorIntervention {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "57014";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public QueryCanceled(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public QueryCanceled(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
