// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 08007: transaction_resolution_unknown. */
public final class TransactionResolutionUnknown extends ConnectionException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "08007";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public TransactionResolutionUnknown(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public TransactionResolutionUnknown(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
