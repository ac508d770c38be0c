// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2201X: invalid_row_count_in_result_offset_clause. */
public final class InvalidRowCountInResultOffsetClause extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2201X";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidRowCountInResultOffsetClause(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidRowCountInResultOffsetClause(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
