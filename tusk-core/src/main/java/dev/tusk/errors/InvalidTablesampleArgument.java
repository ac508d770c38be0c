// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2202H: invalid_tablesample_argument. */
public final class InvalidTablesampleArgument extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2202H";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public InvalidTablesampleArgument(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public InvalidTablesampleArgument(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
