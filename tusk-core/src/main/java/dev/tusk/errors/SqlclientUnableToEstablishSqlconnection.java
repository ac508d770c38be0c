// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 08001: sqlclient_unable_to_establish_sqlconnection. */
public final class SqlclientUnableToEstablishSqlconnection extends ConnectionException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "08001";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlclientUnableToEstablishSqlconnection(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlclientUnableToEstablishSqlconnection(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
