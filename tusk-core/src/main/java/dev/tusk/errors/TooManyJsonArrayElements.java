// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 2203D: too_many_json_array_elements. */
public final class TooManyJsonArrayElements extends DataException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "2203D";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TooManyJsonArrayElements(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TooManyJsonArrayElements(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
