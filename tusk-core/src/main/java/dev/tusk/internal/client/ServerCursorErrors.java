package dev.tusk.internal.client;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.InvalidCursorName;
import dev.tusk.errors.NoActiveSqlTransaction;
import dev.tusk.errors.TuskException;

/** The errors a server cursor raises in its own words, each naming what to do instead. */
final class ServerCursorErrors {

  private ServerCursorErrors() {}

  /** A cursor without hold declared in autocommit mode (the server's error as the cause). */
  static NoActiveSqlTransaction needsTransaction(String name, TuskException serverError) {
    return new NoActiveSqlTransaction(
        Diagnostic.client(
            NoActiveSqlTransaction.SQLSTATE,
            "server cursor \""
                + name
                + "\" needs a transaction: a cursor without hold exists only inside the"
                + " transaction that declares it, and this connection is in autocommit mode;"
                + " declare it inside connection.transaction() (or with autocommit off), or call"
                + " withHold(true) before execute"),
        serverError);
  }

  /** A cursor without hold used after its transaction ended (the server's error, if it said so). */
  static InvalidCursorName transactionEnded(String name, TuskException serverError) {
    return new InvalidCursorName(
        Diagnostic.client(
            InvalidCursorName.SQLSTATE,
            "server cursor \""
                + name
                + "\" no longer exists on the server: a cursor without hold ends with the"
                + " transaction that declared it (its commit or rollback); declare it"
                + " withHold(true) to read it after the commit"),
        serverError);
  }

  /** attach() named a cursor that is not open in this session (the server's error). */
  static InvalidCursorName notOpen(String name, TuskException serverError) {
    return new InvalidCursorName(
        Diagnostic.client(
            InvalidCursorName.SQLSTATE,
            "no cursor named \""
                + name
                + "\" is open in this session, so attach() has nothing to read: open it first in"
                + " the same transaction (a function returning a refcursor, or DECLARE), and pass"
                + " the exact name (a refcursor value is the name, case kept)"),
        serverError);
  }

  /** A closed cursor used, by its user or after {@code closedBy} closed it (null: by close()). */
  static InterfaceError closed(String name, TuskException closedBy) {
    return closedBy == null
        ? new InterfaceError("server cursor \"" + name + "\" is closed")
        : new InterfaceError(
            "server cursor \"" + name + "\" was closed by an error: " + closedBy.getMessage(),
            closedBy);
  }

  /** executeMany, which a server cursor's one DECLARE cannot run; as every refused feature. */
  static FeatureNotSupported executeManyRefused() {
    return refused("executeMany is not supported on a server cursor; use a cursor() for it");
  }

  /** COPY, which is no query a cursor could be declared for; as every refused feature. */
  static FeatureNotSupported copyRefused() {
    return refused(
        "a server-side cursor cannot run COPY: use a client cursor, conn.cursor().copy(sql)");
  }

  private static FeatureNotSupported refused(String message) {
    return new FeatureNotSupported(Diagnostic.client(FeatureNotSupported.SQLSTATE, message));
  }
}
