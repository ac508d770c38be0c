package dev.tusk;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import java.util.List;

/**
 * A transaction that takes part in a two-phase commit, begun by {@link Connection#tpcBegin(Xid)}:
 * psycopg's {@code tpc_*} methods. Its statements run on the connection as usual; then {@link
 * #prepare()} makes the server keep it, durably, under its {@link Xid} until {@link #commit()} or
 * {@link #rollback()} ends it, from this connection or (through {@link Connection#tpcCommit(Xid)}
 * and {@link Connection#tpcRecover()}) from any other, even after this one died.
 *
 * <p>Like a transaction with autocommit off, it is connection state that every thread using the
 * connection shares until it is prepared or ended; use the connection from one thread meanwhile.
 * The server needs {@code max_prepared_transactions} above 0 to prepare.
 */
public final class TwoPhaseTransaction implements AutoCloseable {

  private final TwoPhaseCommit transaction;

  private TwoPhaseTransaction(TwoPhaseCommit transaction) {
    this.transaction = transaction;
  }

  /** Opens the transaction: see {@link Connection#tpcBegin(Xid)}. */
  static TwoPhaseTransaction begin(Connection connection, Xid xid) {
    return new TwoPhaseTransaction(
        Futures.join(TwoPhaseCommit.begin(FaceConnection.of(connection), xid)));
  }

  /** The transaction's identifier. */
  public Xid xid() {
    return transaction.xid();
  }

  /** Whether {@link #prepare()} has run and the transaction is not ended yet. */
  public boolean prepared() {
    return transaction.prepared();
  }

  /**
   * The first phase: {@code PREPARE TRANSACTION}. The transaction leaves the connection, which is
   * then free for other work, and waits on the server for {@link #commit()} or {@link #rollback()}.
   *
   * @throws ProgrammingError if already prepared or ended
   */
  public void prepare() {
    Futures.join(transaction.prepare());
  }

  /**
   * The second phase after {@link #prepare()} ({@code COMMIT PREPARED}), or else a one-phase
   * commit.
   *
   * @throws TransactionRollback if a one-phase commit rolled back (a statement had failed)
   */
  public void commit() {
    Futures.join(transaction.commit());
  }

  /** Rolls back: {@code ROLLBACK PREPARED} after {@link #prepare()}, else a plain rollback. */
  public void rollback() {
    Futures.join(transaction.rollback());
  }

  /**
   * Rolls back unless prepared or ended: a prepared transaction stays on the server for a
   * transaction manager to commit or roll back, which is the point of preparing it.
   */
  @Override
  public void close() {
    if (transaction.active()) {
      rollback();
    }
  }

  /** {@code COMMIT PREPARED} or {@code ROLLBACK PREPARED}, which run outside a transaction. */
  static void finishPrepared(Connection connection, String command, Xid xid) {
    Futures.join(TwoPhaseCommit.finishPrepared(FaceConnection.of(connection), command, xid));
  }

  /** The prepared transactions of the connection's database. */
  static List<Xid> recover(Connection connection) {
    return Futures.join(TwoPhaseCommit.recover(FaceConnection.of(connection)));
  }

  @Override
  public String toString() {
    return "TwoPhaseTransaction[" + transaction + "]";
  }
}
