package dev.tusk;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import java.util.concurrent.CompletableFuture;

/**
 * The async face of {@link TwoPhaseTransaction}, begun by {@link AsyncConnection#tpcBegin(Xid)}:
 * the same transaction, whose steps return futures. Its statements run on the connection as usual
 * ({@code async.execute(...)}); then {@link #prepare()} makes the server keep it, durably, under
 * its {@link Xid} until {@link #commit()} or {@link #rollback()} ends it, from this connection or
 * (through {@link AsyncConnection#tpcCommit(Xid)} and {@link AsyncConnection#tpcRecover()}) from
 * any other, even after this one died.
 *
 * <pre>{@code
 * Xid xid = async.xid(1, "transfer-42", "ledger-db");
 * async.tpcBegin(xid)
 *     .thenCompose(tpc -> async.execute("INSERT INTO ledger VALUES ($1)", "debit 42")
 *         .thenCompose(inserted -> tpc.prepare())     // phase one
 *         .thenCompose(prepared -> tpc.commit()));    // phase two, or tpcCommit(xid) elsewhere
 * }</pre>
 *
 * <p>Like a transaction with autocommit off, it is connection state that every caller of the
 * connection shares until it is prepared or ended: run nothing else on the connection meanwhile.
 * The server needs {@code max_prepared_transactions} above 0 to prepare.
 */
public final class AsyncTwoPhaseTransaction {

  private final TwoPhaseCommit transaction;

  AsyncTwoPhaseTransaction(TwoPhaseCommit transaction) {
    this.transaction = transaction;
  }

  /** The transaction's identifier. */
  public Xid xid() {
    return transaction.xid();
  }

  /** Whether {@link #prepare()} has completed and the transaction is not ended yet. */
  public boolean prepared() {
    return transaction.prepared();
  }

  /**
   * The first phase: {@code PREPARE TRANSACTION}. Once it completes the transaction has left the
   * connection, which is free for other work, and waits on the server for {@link #commit()} or
   * {@link #rollback()}. Fails with {@link ProgrammingError} if already prepared or ended.
   */
  public CompletableFuture<Void> prepare() {
    return transaction.prepare();
  }

  /**
   * The second phase after {@link #prepare()} ({@code COMMIT PREPARED}), or else a one-phase
   * commit, which fails with {@link TransactionRollback} if it rolled back (a statement had
   * failed).
   */
  public CompletableFuture<Void> commit() {
    return transaction.commit();
  }

  /** Rolls back: {@code ROLLBACK PREPARED} after {@link #prepare()}, else a plain rollback. */
  public CompletableFuture<Void> rollback() {
    return transaction.rollback();
  }

  /**
   * Rolls back unless prepared or ended, as {@link TwoPhaseTransaction#close()} does: a prepared
   * transaction stays on the server for a transaction manager to end.
   */
  public CompletableFuture<Void> close() {
    return transaction.active() ? rollback() : CompletableFuture.completedFuture(null);
  }

  @Override
  public String toString() {
    return "AsyncTwoPhaseTransaction[" + transaction + "]";
  }
}
