// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 39P01: trigger_protocol_violated. */
public final class TriggerProtocolViolated extends ExternalRoutineInvocationException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "39P01";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TriggerProtocolViolated(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TriggerProtocolViolated(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
