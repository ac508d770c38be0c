package dev.tusk.internal.client;

import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import java.time.Duration;
import java.util.ArrayList;
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

  /** One queued statement and where its outcome goes. */
  private record Queued(
      Statements.Bound statement,
      Consumer<List<StatementResult>> onResults,
      Consumer<TuskException> onError) {}

  private final ConnectionCore connection;
  private final Statements statements;
  private final TypeScope types;
  private final List<Queued> queued = new ArrayList<>();
  private boolean closed;

  TuskPipeline(ConnectionCore connection, Statements statements, TypeScope types) {
    this.connection = connection;
    this.statements = statements;
    this.types = types;
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
    queued.add(new Queued(statement, onResults, onError));
  }

  @Override
  public List<PipelineResult> sync() {
    List<PipelineResult> results = new ArrayList<>(queued.size());
    TuskException first = run(results);
    if (first != null) {
      first.fillInStackTrace();
      throw first;
    }
    return results;
  }

  @Override
  public List<PipelineResult> syncResults() {
    List<PipelineResult> results = new ArrayList<>(queued.size());
    try {
      run(results);
    } catch (TuskException sendFailed) {
      // Nothing was sent; submit() has reported that failure as every statement's result.
    }
    return results;
  }

  /**
   * Sends the batch and hands each cursor its outcome, adding each statement's result to {@code
   * results}; returns the error {@link #sync()} raises, or null.
   */
  private TuskException run(List<PipelineResult> results) {
    if (queued.isEmpty()) {
      return null;
    }
    List<Queued> batch = List.copyOf(queued);
    queued.clear();
    Tracing.Trace[] traces = new Tracing.Trace[batch.size()];
    for (int i = 0; i < traces.length; i++) {
      traces[i] = statements.trace(batch.get(i).statement());
    }
    Statements.Submitted submitted = submit(batch, traces, results);
    List<StatementStep> steps = submitted.steps();
    TuskException lost = null;
    try {
      connection.await(submitted.request(), timeout(batch));
    } catch (TuskException e) {
      lost = e;
    }
    return deliver(batch, traces, steps, lost, results);
  }

  /** Queues the batch as one request; if that fails, every statement of it fails with it. */
  private Statements.Submitted submit(
      List<Queued> batch, Tracing.Trace[] traces, List<PipelineResult> results) {
    try {
      return statements.submit(batch.stream().map(Queued::statement).toList());
    } catch (TuskException e) {
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).onError().accept(e);
        results.add(new PipelineResult(null, -1, e));
        statements.tracing().failed(traces[i], e);
      }
      throw e;
    }
  }

  /**
   * Hands each cursor its outcome; returns the error to raise from sync: the failed statement's, or
   * the request's own when it failed as a whole (the connection was lost).
   */
  private TuskException deliver(
      List<Queued> batch,
      Tracing.Trace[] traces,
      List<StatementStep> steps,
      TuskException failed,
      List<PipelineResult> results) {
    // A server error lands on its statement; only a request that failed as a whole (the
    // connection was lost) fails every statement.
    TuskException lost = steps.stream().anyMatch(step -> step.error() != null) ? null : failed;
    TuskException first = null;
    for (int i = 0; i < batch.size(); i++) {
      StatementStep step = steps.get(i);
      Queued entry = batch.get(i);
      statements.finished(entry.statement(), step);
      TuskException error = step.error() != null ? step.error() : lost;
      statements.tracing().ended(traces[i], step.results(), error);
      results.add(result(step, error));
      if (error == null) {
        entry.onResults().accept(step.results());
        continue;
      }
      entry.onError().accept(error);
      if (first == null && !(error instanceof PipelineAborted)) {
        first = error;
      }
    }
    return first;
  }

  /** One statement's outcome: its (only) result's tag and count, or its error. */
  private static PipelineResult result(StatementStep step, TuskException error) {
    if (error != null || step.results().isEmpty()) {
      return new PipelineResult(null, -1, error);
    }
    StatementResult last = step.results().get(step.results().size() - 1);
    return new PipelineResult(last.commandTag(), last.rowCount(), null);
  }

  /** The batch may take as long as its most patient statement allows. */
  private Duration timeout(List<Queued> batch) {
    Duration longest = Duration.ZERO;
    for (Queued entry : batch) {
      Duration timeout = statements.timeout(entry.statement().query());
      if (timeout == null) {
        return null;
      }
      longest = timeout.compareTo(longest) > 0 ? timeout : longest;
    }
    return longest;
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
