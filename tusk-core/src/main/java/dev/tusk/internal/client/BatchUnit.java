package dev.tusk.internal.client;

import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.SimpleQuery;
import java.time.Duration;

/**
 * What keeps the requests of one {@link ChunkedMany} a unit, though each ends with its own Sync
 * (which would otherwise commit its part in autocommit mode):
 *
 * <ul>
 *   <li>outside any transaction, a transaction of its own: BEGIN before the first request, COMMIT
 *       after the last, ROLLBACK if anything failed, so a failing set undoes every set;
 *   <li>inside a transaction (a block, autocommit off, or one opened by SQL), a savepoint: a set
 *       the server refuses aborts the transaction as it would have anyway, and a set that cannot be
 *       encoded, found after earlier chunks ran, is undone back to the savepoint, so the caller's
 *       transaction is as it was, as when nothing could be sent.
 * </ul>
 *
 * <p>Its owner holds the session from {@link #open} to the end, so nothing else runs inside it. The
 * opening is queued without waiting: it travels with the first chunk.
 */
final class BatchUnit {

  private static final String SAVEPOINT = "tusk_execute_many";

  private final ConnectionCore connection;
  private final boolean ownTransaction;
  private final SimpleQuery opening;

  private BatchUnit(ConnectionCore connection, boolean ownTransaction, SimpleQuery opening) {
    this.connection = connection;
    this.ownTransaction = ownTransaction;
    this.opening = opening;
  }

  /** Opens a unit; the caller holds the session. */
  static BatchUnit open(ConnectionCore connection) {
    boolean inside = connection.statementsRunInTransaction();
    SimpleQuery opening = new SimpleQuery(inside ? "SAVEPOINT " + SAVEPOINT : "BEGIN");
    // In autocommit-off mode this first opens the implicit transaction, as any statement would.
    connection.submitStatement(opening);
    return new BatchUnit(connection, !inside, opening);
  }

  /** Whether the unit is a transaction of its own (so that undoing it leaves none open). */
  boolean isOwnTransaction() {
    return ownTransaction;
  }

  /** The opening's error, or null once it succeeded. */
  TuskException awaitOpened(Duration timeout) {
    try {
      connection.await(opening, timeout);
      return null;
    } catch (TuskException e) {
      return e;
    }
  }

  /** Ends the unit after every set ran: COMMIT (raising if it rolled back instead) or RELEASE. */
  void commit() {
    if (ownTransaction) {
      TransactionBlock.checkCommitted(connection.run(SimpleQuery.commit("COMMIT")));
    } else {
      connection.run(new SimpleQuery("RELEASE SAVEPOINT " + SAVEPOINT));
    }
  }

  /**
   * Ends the unit after a failure: rolls its own transaction back; inside the caller's transaction
   * undoes to the savepoint only if the server refused nothing ({@code serverFailed} false), since
   * a refused set has aborted that transaction as a single request would have. A failure to end it
   * is left unsaid: the caller raises the failure that caused it.
   */
  void undo(boolean serverFailed) {
    try {
      if (ownTransaction) {
        connection.run(new SimpleQuery("ROLLBACK"));
      } else if (!serverFailed) {
        connection.run(
            new SimpleQuery(
                "ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT));
      }
    } catch (TuskException e) {
      // The connection is lost or the transaction already over; the original failure says why.
    }
  }
}
