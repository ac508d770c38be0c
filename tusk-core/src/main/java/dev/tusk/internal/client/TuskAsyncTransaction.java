package dev.tusk.internal.client;

import dev.tusk.AsyncCursor;
import dev.tusk.AsyncServerCursor;
import dev.tusk.AsyncTransaction;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link AsyncTransaction}: one block (or savepoint) of a {@link TransactionOwner}, whose thread
 * runs each of its steps in order. Statements are queued from the owner thread through the
 * connection's async face, so they pipeline and complete without waiting there.
 */
final class TuskAsyncTransaction implements AsyncTransaction {

  /** Rolls back outermost blocks that became unreachable while open. */
  private static final Cleaner FORGOTTEN =
      Cleaner.create(Thread.ofPlatform().daemon().name("tusk-forgotten-transactions").factory());

  private final TransactionOwner owner;
  private final Transaction block;
  private final TuskAsyncConnection async;
  private final Cleaner.Cleanable forgotten;

  private TuskAsyncTransaction(
      TransactionOwner owner, Transaction block, TuskAsyncConnection async, boolean outermost) {
    this.owner = owner;
    this.block = block;
    this.async = async;
    this.forgotten = outermost ? FORGOTTEN.register(this, owner::abandon) : null;
  }

  /** Opens a transaction block with {@code options} on a new owner thread. */
  static CompletableFuture<AsyncTransaction> begin(
      ConnectionCore connection, TuskAsyncConnection async, TransactionOptions options) {
    TransactionOwner owner = new TransactionOwner(connection);
    return owner.begin(options, block -> new TuskAsyncTransaction(owner, block, async, true));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params) {
    return execute(RowFactories.row(), Query.of(sql), params);
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params) {
    return inBlock(cursor -> cursor.execute(sql, params), RowFactories.row());
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params) {
    return execute(RowFactories.row(), query, params);
  }

  @Override
  public <R> CompletableFuture<AsyncCursor<R>> execute(
      RowFactory<R> rowFactory, Query query, Object... params) {
    return inBlock(cursor -> cursor.execute(query, params), rowFactory);
  }

  /**
   * Queues a statement from the owner thread, which holds the connection, so it lands inside this
   * block and after everything asked for before it.
   */
  private <R> CompletableFuture<AsyncCursor<R>> inBlock(
      Function<AsyncCursor<R>, CompletableFuture<AsyncCursor<R>>> statement,
      RowFactory<R> rowFactory) {
    return owner.run(
        () -> {
          owner.checkOpen(block);
          return statement.apply(async.cursor(rowFactory));
        });
  }

  @Override
  public <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
    return async.cursor(name, rowFactory, new OwnerSubmitter(owner));
  }

  /**
   * Queues a cursor's requests on the owner thread, which holds the connection, so they land inside
   * the block (or after it, once it has ended: a held cursor's fetches and its CLOSE).
   */
  private record OwnerSubmitter(TransactionOwner owner) implements ServerCursorRequests.Submitter {
    @Override
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
      return owner.run(work);
    }
  }

  @Override
  public CompletableFuture<AsyncTransaction> savepoint() {
    return owner.run(
        () ->
            CompletableFuture.completedFuture(
                new TuskAsyncTransaction(owner, owner.openSavepoint(block), async, false)));
  }

  @Override
  public CompletableFuture<Void> commit() {
    return end(true);
  }

  @Override
  public CompletableFuture<Void> rollback() {
    return end(false);
  }

  private CompletableFuture<Void> end(boolean commit) {
    return owner.run(
        () -> {
          owner.end(block, commit);
          if (forgotten != null) {
            // Runs the rollback step now, while nothing is open: it finds nothing to do.
            forgotten.clean();
          }
          return CompletableFuture.completedFuture(null);
        });
  }

  @Override
  public boolean isSavepoint() {
    return block.isSavepoint();
  }
}
