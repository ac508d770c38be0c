// Generated from tusk-core/src/data/errcodes.txt by dev.tusk.errors.generator.ErrorClassGenerator.
// Do not edit.
package dev.tusk.errors;

/** SQLSTATE 08004: sqlserver_rejected_establishment_of_sqlconnection. */
public final class SqlserverRejectedEstablishmentOfSqlconnection extends ConnectionException {

  /** The SQLSTATE this class stands for. */
  public static final String SQLSTATE = "08004";

  private static final long serialVersionUID = 1L;

  /** Creates the error from a diagnostic, usually the server's ErrorResponse. */
  public SqlserverRejectedEstablishmentOfSqlconnection(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates the error from a diagnostic and the failure that caused it. */
  public SqlserverRejectedEstablishmentOfSqlconnection(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
