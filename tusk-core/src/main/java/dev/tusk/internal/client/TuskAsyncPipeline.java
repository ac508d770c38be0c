package dev.tusk.internal.client;

import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The async {@link AsyncPipeline} over the same {@link PipelineQueue} as the sync one: statements
 * are bound when queued, each sync sends the batch as one request without waiting for it, and each
 * statement's cursor completes when the batch has run.
 */
final class TuskAsyncPipeline implements AsyncPipeline {

  private final Session session;
  private final Statements statements;
  private final TypeScope types;
  private final PipelineQueue queue;
  private boolean closed;

  TuskAsyncPipeline(Session session, Statements statements, TypeScope types) {
    this.session = session;
    this.statements = statements;
    this.types = types;
    this.queue = new PipelineQueue(statements);
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params) {
    return execute(RowFactories.row(), Query.of(sql), params);
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params) {
    Map<String, ?> values = params == null ? Map.of() : params;
    return queue(RowFactories.row(), false, scope -> statements.bind(Query.of(sql), values, scope));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params) {
    return execute(RowFactories.row(), query, params);
  }

  @Override
  public <R> CompletableFuture<AsyncCursor<R>> execute(
      RowFactory<R> rowFactory, Query query, Object... params) {
    Object[] values = params == null ? new Object[0] : params;
    return queue(rowFactory, false, scope -> statements.bind(query, values, scope));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> executeMany(String sql, List<?> paramSets) {
    return queue(
        RowFactories.row(), true, scope -> statements.bindMany(Query.of(sql), paramSets, scope));
  }

  /**
   * Binds a statement now (a bad parameter fails here, on the caller's thread) and queues it; its
   * cursor completes once the batch it joins has run.
   */
  private <R> CompletableFuture<AsyncCursor<R>> queue(
      RowFactory<R> rowFactory, boolean many, Function<TypeScope, Statements.Bound> binding) {
    if (closed) {
      return CompletableFuture.failedFuture(new InterfaceError("the pipeline is closed"));
    }
    Statements.Bound statement;
    try {
      statement = binding.apply(types);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    TuskAsyncCursor<R> cursor = new TuskAsyncCursor<>(session, statements, types, rowFactory);
    CompletableFuture<AsyncCursor<R>> shown = new CompletableFuture<>();
    queue.add(
        statement,
        results -> {
          cursor.show(results, many);
          shown.complete(cursor);
        },
        shown::completeExceptionally);
    return shown;
  }

  @Override
  public CompletableFuture<List<PipelineResult>> sync() {
    PipelineQueue.Batch batch = queue.take();
    return run(batch)
        .thenApply(
            first -> {
              if (first != null) {
                throw first;
              }
              return batch.results();
            });
  }

  @Override
  public CompletableFuture<List<PipelineResult>> syncResults() {
    PipelineQueue.Batch batch = queue.take();
    // A batch that could not be sent has every statement's failure among its results.
    return run(batch).handle((first, sendFailed) -> batch.results());
  }

  /**
   * Sends the batch without waiting and hands each statement its outcome when it has run; completes
   * with the error sync raises, or null.
   */
  private CompletableFuture<TuskException> run(PipelineQueue.Batch batch) {
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return Asynchronous.start(
        session,
        () -> {
          ExtendedQuery request = queue.submit(batch);
          return Asynchronous.outcome(session, request, queue.timeout(batch))
              .handle(
                  (ignored, failure) ->
                      queue.deliver(batch, failure == null ? null : Asynchronous.unwrap(failure)));
        });
  }

  @Override
  public CompletableFuture<Void> close() {
    if (closed) {
      return CompletableFuture.completedFuture(null);
    }
    closed = true;
    return sync().thenApply(results -> null);
  }
}
