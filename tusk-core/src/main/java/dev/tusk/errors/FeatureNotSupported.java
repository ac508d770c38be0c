// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 0A000: feature_not_supported. */
public final class FeatureNotSupported extends NotSupportedError {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "0A000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public FeatureNotSupported(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public FeatureNotSupported(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
