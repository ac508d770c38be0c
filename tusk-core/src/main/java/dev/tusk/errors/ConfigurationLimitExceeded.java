// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 53400: configuration_limit_exceeded. */
public final class ConfigurationLimitExceeded extends InsufficientResources {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "53400";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ConfigurationLimitExceeded(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ConfigurationLimitExceeded(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
