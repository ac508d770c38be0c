// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 39P02: srf_protocol_violated. */
public final class SrfProtocolViolated extends ExternalRoutineInvocationException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "39P02";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SrfProtocolViolated(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SrfProtocolViolated(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
