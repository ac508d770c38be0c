package dev.tusk;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The async face of a {@link Transaction}: a transaction block, or a savepoint inside one, opened
 * by {@link AsyncConnection#transaction()}. While it is open, the connection runs nothing but its
 * statements (other callers' requests wait, as for a sync {@link Transaction}), so it must end:
 * {@link #commit()} or {@link #rollback()}. A block that becomes unreachable without ending is
 * rolled back, so that a forgotten one cannot hold the connection forever.
 *
 * <pre>{@code
 * conn.transaction()
 *     .thenCompose(tx -> tx.execute("UPDATE account SET balance = balance - $1 WHERE id = $2", 10, 1)
 *         .thenCompose(debited -> tx.execute("UPDATE account SET balance = balance + $1 WHERE id = $2", 10, 2))
 *         .thenCompose(credited -> tx.commit())
 *         .exceptionallyCompose(failure -> tx.rollback().thenCompose(rolledBack -> CompletableFuture.failedFuture(failure))));
 * }</pre>
 *
 * <p>Statements queue in the order their {@code execute} calls were made and are pipelined; one
 * that fails makes the server refuse the rest until the block ends, and {@link #commit()} then
 * fails with {@link dev.tusk.errors.TransactionRollback}. Nothing here blocks the calling thread:
 * the block is held by a virtual thread of its own, which ends with it.
 */
public interface AsyncTransaction {

  /** Runs a statement with {@code $n} placeholders inside this block. */
  CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params);

  /** Runs a statement with {@code :name} placeholders inside this block. */
  CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params);

  /** Runs a statement with per-call options (prepare, timeout) inside this block. */
  CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params);

  /** Runs a statement whose rows {@code rowFactory} makes, inside this block. */
  <R> CompletableFuture<AsyncCursor<R>> execute(
      RowFactory<R> rowFactory, Query query, Object... params);

  /**
   * A server-side cursor of this block ({@code DECLARE} or a portal, then {@code FETCH} or Execute,
   * as {@link AsyncConnection#cursor(String)}): its statements queue inside the block, in order
   * with the block's other statements, so the cursor lives in the block's transaction. A cursor
   * without hold ends with the block; one {@code withHold(true)} outlives its commit (close it
   * then). Wait for each of its futures before the block's next step, as for any async cursor.
   */
  default AsyncServerCursor<Row> cursor(String name) {
    return cursor(name, RowFactories.row());
  }

  /** Like {@link #cursor(String)}, producing rows made by {@code rowFactory}. */
  <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory);

  /**
   * Opens a savepoint inside this block. Until it ends, statements go through it: end it before
   * committing or rolling back this block.
   */
  CompletableFuture<AsyncTransaction> savepoint();

  /**
   * Commits (or releases the savepoint), after every statement queued before it. Fails with {@link
   * dev.tusk.errors.TransactionRollback} when the server rolled back instead, because a statement
   * in the block had failed. The block is then finished.
   */
  CompletableFuture<Void> commit();

  /** Rolls back (to the savepoint). The block is then finished. */
  CompletableFuture<Void> rollback();

  /** Whether this block is a savepoint inside an outer one. */
  boolean isSavepoint();

  /**
   * The connection's large objects, whose statements run inside this block (which keeps them open
   * until it ends); see {@link AsyncLargeObjects}.
   */
  default AsyncLargeObjects largeObjects() {
    return new AsyncLargeObjects(FaceStatements.inBlock(this));
  }
}
