// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2201W: invalid_row_count_in_limit_clause. */
public final class InvalidRowCountInLimitClause extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2201W";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidRowCountInLimitClause(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidRowCountInLimitClause(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
