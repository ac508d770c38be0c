package dev.tusk.pool;

import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An async pipeline of a lent connection: like {@link LentPipeline}, every use first checks that
 * the loan still lasts, so statements queued during the loan are never sent on another borrower's
 * connection; after the loan its futures fail with {@link dev.tusk.errors.InterfaceError}.
 */
final class LentAsyncPipeline implements AsyncPipeline {

  private final Loan loan;
  private final AsyncPipeline pipeline;

  /** The futures handed out since the last sync: failed, never left hanging, if the loan ends. */
  private final List<CompletableFuture<?>> unsent = new ArrayList<>();

  LentAsyncPipeline(Loan loan, AsyncPipeline pipeline) {
    this.loan = loan;
    this.pipeline = pipeline;
  }

  /**
   * Runs {@code call} while the loan lasts; else a future failed with the loan's error, and so are
   * the statements queued during the loan and never sent.
   */
  private <T> CompletableFuture<T> checked(Supplier<CompletableFuture<T>> call) {
    try {
      loan.check("an async pipeline");
    } catch (RuntimeException e) {
      for (CompletableFuture<?> statement : unsent) {
        statement.completeExceptionally(e);
      }
      unsent.clear();
      return CompletableFuture.failedFuture(e);
    }
    return call.get();
  }

  private <R> CompletableFuture<AsyncCursor<R>> lent(CompletableFuture<AsyncCursor<R>> queued) {
    CompletableFuture<AsyncCursor<R>> cursor =
        queued.thenApply(ran -> new LentAsyncCursor<>(loan, ran));
    unsent.add(cursor);
    return cursor;
  }

  private <T> CompletableFuture<T> sent(CompletableFuture<T> synced) {
    unsent.clear();
    return synced;
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params) {
    return checked(() -> lent(pipeline.execute(sql, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params) {
    return checked(() -> lent(pipeline.execute(sql, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params) {
    return checked(() -> lent(pipeline.execute(query, params)));
  }

  @Override
  public <R> CompletableFuture<AsyncCursor<R>> execute(
      RowFactory<R> rowFactory, Query query, Object... params) {
    return checked(() -> lent(pipeline.execute(rowFactory, query, params)));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> executeMany(String sql, List<?> paramSets) {
    return checked(() -> lent(pipeline.executeMany(sql, paramSets)));
  }

  @Override
  public CompletableFuture<List<PipelineResult>> sync() {
    return checked(() -> sent(pipeline.sync()));
  }

  @Override
  public CompletableFuture<List<PipelineResult>> syncResults() {
    return checked(() -> sent(pipeline.syncResults()));
  }

  /**
   * Sends what is queued while the loan lasts; after it, drops it unsent (the statements were the
   * borrower's, not the next one's), their futures failed with the loan's error.
   */
  @Override
  public CompletableFuture<Void> close() {
    if (loan.lasts()) {
      return sent(pipeline.close());
    }
    checked(() -> CompletableFuture.completedFuture(null));
    return CompletableFuture.completedFuture(null);
  }
}
