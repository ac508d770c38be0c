package dev.tusk.internal.client;

import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.StatementResult;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The explicit {@link Pipeline}: statements are bound when queued, and at each sync the whole batch
 * becomes one {@link ExtendedQuery}, one step per statement with one Sync, queued like any other
 * request. Holding the batch until the sync, rather than writing each statement at once, keeps
 * other threads' requests (each with its own Sync) from landing inside the batch's implicit
 * transaction.
 */
final class TuskPipeline implements Pipeline {

  private final ConnectionCore connection;
  private final Statements statements;
  private final TypeScope types;
  private final PipelineQueue queue;
  private boolean closed;

  TuskPipeline(ConnectionCore connection, Statements statements, TypeScope types) {
    this.connection = connection;
    this.statements = statements;
    this.types = types;
    this.queue = new PipelineQueue(statements);
  }

  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    return cursor().execute(sql, params);
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return cursor().execute(sql, params);
  }

  @Override
  public Cursor<Row> execute(Query query, Object... params) {
    return cursor().execute(query, params);
  }

  @Override
  public Cursor<Row> cursor() {
    return cursor(RowFactories.row());
  }

  @Override
  public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
    checkOpen();
    return new TuskCursor<>(statements, types, rowFactory, this);
  }

  void queue(
      Statements.Bound statement,
      Consumer<List<StatementResult>> onResults,
      Consumer<TuskException> onError) {
    checkOpen();
    queue.add(statement, onResults, onError);
  }

  @Override
  public List<PipelineResult> sync() {
    PipelineQueue.Batch batch = queue.take();
    TuskException first = run(batch);
    if (first != null) {
      first.fillInStackTrace();
      throw first;
    }
    return batch.results();
  }

  @Override
  public List<PipelineResult> syncResults() {
    PipelineQueue.Batch batch = queue.take();
    try {
      run(batch);
    } catch (TuskException sendFailed) {
      // Nothing was sent; the queue has reported that failure as every statement's result.
    }
    return batch.results();
  }

  /** Sends the batch and hands each cursor its outcome; returns the error sync raises, or null. */
  private TuskException run(PipelineQueue.Batch batch) {
    if (batch.isEmpty()) {
      return null;
    }
    ExtendedQuery request = queue.submit(batch);
    TuskException lost = null;
    try {
      connection.await(request, queue.timeout(batch));
    } catch (TuskException e) {
      lost = e;
    }
    return queue.deliver(batch, lost);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sync();
  }

  private void checkOpen() {
    if (closed) {
      throw new InterfaceError("the pipeline is closed");
    }
  }
}
