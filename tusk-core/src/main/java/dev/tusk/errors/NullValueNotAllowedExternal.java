// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 39004: null_value_not_allowed. */
public final class NullValueNotAllowedExternal extends ExternalRoutineInvocationException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "39004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public NullValueNotAllowedExternal(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public NullValueNotAllowedExternal(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
