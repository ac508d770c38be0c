// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2203A: sql_json_member_not_found. */
public final class SqlJsonMemberNotFound extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2203A";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlJsonMemberNotFound(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlJsonMemberNotFound(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
