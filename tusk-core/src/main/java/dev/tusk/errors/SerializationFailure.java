// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 40001: serialization_failure. */
public final class SerializationFailure extends TransactionRollback {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "40001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SerializationFailure(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SerializationFailure(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
