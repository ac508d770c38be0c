// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 08000: connection_exception. */
public sealed class ConnectionException extends OperationalError
    permits ConnectionDoesNotExist,
        ConnectionFailure,
        SqlclientUnableToEstablishSqlconnection,
        SqlserverRejectedEstablishmentOfSqlconnection,
        TransactionResolutionUnknown,
        ProtocolViolation {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "08000";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public ConnectionException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public ConnectionException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
