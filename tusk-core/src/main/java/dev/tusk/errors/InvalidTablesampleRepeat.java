// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2202G: invalid_tablesample_repeat. */
public final class InvalidTablesampleRepeat extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2202G";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidTablesampleRepeat(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidTablesampleRepeat(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
