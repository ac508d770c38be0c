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
import java.util.ArrayDeque;
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
 *
 * <p>Inside a transaction block that the building thread owns, no other thread's request can land
 * in the batch, so a large batch is sent in parts as it grows ({@link #FLUSH_STATEMENTS} statements
 * each, at most {@link ChunkedMany#IN_FLIGHT} unanswered): the server runs the first statements
 * while the rest are being bound. A Sync inside a block commits nothing, and a failure aborts the
 * block as it would have in one request; the statements of parts after a failed one report {@link
 * PipelineAborted}.
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

  /** Statements per part of a batch sent before its sync (inside a block its thread owns). */
  static final int FLUSH_STATEMENTS = 1_000;

  /** One part of the batch, sent and not yet settled. */
  private record Part(List<Queued> batch, Statements.Submitted submitted) {}

  private final List<Queued> queued = new ArrayList<>();
  private final ArrayDeque<Part> sent = new ArrayDeque<>();

  /** The outcomes of the statements of the parts settled since the last sync, in order. */
  private final List<PipelineResult> settled = new ArrayList<>();

  /** The error the next sync raises, from a settled part; null if none failed. */
  private TuskException firstError;

  /** Whether a part since the last sync failed: the server skips what follows until the sync. */
  private boolean aborted;

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
    if (queued.size() >= FLUSH_STATEMENTS && connection.ownsBlock()) {
      send();
      while (sent.size() > ChunkedMany.IN_FLIGHT) {
        settle(sent.poll());
      }
    }
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
    run(results);
    return results;
  }

  /**
   * Sends what is queued, settles every part sent since the last sync, and hands each cursor its
   * outcome, adding each statement's result to {@code results}; returns the error {@link #sync()}
   * raises, or null.
   */
  private TuskException run(List<PipelineResult> results) {
    if (!queued.isEmpty()) {
      send();
    }
    while (!sent.isEmpty()) {
      settle(sent.poll());
    }
    results.addAll(settled);
    TuskException first = firstError;
    settled.clear();
    firstError = null;
    aborted = false;
    return first;
  }

  /**
   * Queues what is queued as one request. If that fails, every statement of it fails with it, and
   * the failure is the one the sync raises if none came before.
   */
  private void send() {
    List<Queued> batch = List.copyOf(queued);
    queued.clear();
    try {
      sent.add(new Part(batch, statements.submit(batch.stream().map(Queued::statement).toList())));
    } catch (TuskException e) {
      for (Queued entry : batch) {
        entry.onError().accept(e);
        settled.add(new PipelineResult(null, -1, e));
      }
      if (firstError == null) {
        firstError = e;
      }
      aborted = true;
    }
  }

  /** Waits for a part's answer and hands each of its cursors its outcome. */
  private void settle(Part part) {
    TuskException lost = null;
    try {
      connection.await(part.submitted().request(), timeout(part.batch()));
    } catch (TuskException e) {
      lost = e;
    }
    boolean afterFailure = aborted;
    TuskException first = deliver(part.batch(), part.submitted().steps(), lost, afterFailure);
    if (first != null && firstError == null) {
      firstError = first;
    }
    aborted |= first != null || part.submitted().steps().stream().anyMatch(s -> s.error() != null);
  }

  /**
   * Hands each cursor its outcome; returns the error to raise from sync: the failed statement's, or
   * the request's own when it failed as a whole (the connection was lost). After a failed part
   * ({@code afterFailure}), a statement that failed was skipped: it reports {@link
   * PipelineAborted}.
   */
  private TuskException deliver(
      List<Queued> batch, List<StatementStep> steps, TuskException failed, boolean afterFailure) {
    // A server error lands on its statement; only a request that failed as a whole (the
    // connection was lost) fails every statement.
    TuskException lost = steps.stream().anyMatch(step -> step.error() != null) ? null : failed;
    TuskException first = null;
    for (int i = 0; i < batch.size(); i++) {
      StatementStep step = steps.get(i);
      Queued entry = batch.get(i);
      statements.finished(entry.statement(), step);
      TuskException error = step.error() != null ? step.error() : lost;
      if (error != null && afterFailure && !(error instanceof PipelineAborted)) {
        error =
            new PipelineAborted(
                "not run: a statement sent earlier in the same pipeline batch failed first ("
                    + error.getMessage()
                    + ")");
      }
      settled.add(result(step, error));
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
