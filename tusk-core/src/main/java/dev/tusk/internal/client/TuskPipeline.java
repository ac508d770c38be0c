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

  /** Statements per part of a batch sent before its sync (inside a block its thread owns). */
  static final int FLUSH_STATEMENTS = 1_000;

  private final ConnectionCore connection;
  private final Statements statements;
  private final TypeScope types;
  private final PipelineQueue queue;
  private boolean closed;

  /** The parts sent since the last sync and not yet settled, oldest first. */
  private final ArrayDeque<PipelineQueue.Batch> sent = new ArrayDeque<>();

  /** The outcomes of the statements of the parts settled since the last sync, in order. */
  private final List<PipelineResult> settled = new ArrayList<>();

  /** The error the next sync raises, from a settled part; null if none failed. */
  private TuskException firstError;

  /** Whether a part since the last sync failed: the server skips what follows until the sync. */
  private boolean aborted;

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
    if (queue.size() >= FLUSH_STATEMENTS && connection.ownsBlock()) {
      send();
      while (sent.size() > ChunkedMany.IN_FLIGHT) {
        settle(sent.poll());
      }
    }
  }

  @Override
  public List<PipelineResult> sync() {
    TuskException first = run();
    List<PipelineResult> results = takeSettled();
    if (first != null) {
      first.fillInStackTrace();
      throw first;
    }
    return results;
  }

  @Override
  public List<PipelineResult> syncResults() {
    run();
    return takeSettled();
  }

  /**
   * Sends what is queued, settles every part sent since the last sync, and hands each cursor its
   * outcome; returns the error {@link #sync()} raises, or null.
   */
  private TuskException run() {
    if (queue.size() > 0) {
      send();
    }
    while (!sent.isEmpty()) {
      settle(sent.poll());
    }
    TuskException first = firstError;
    firstError = null;
    aborted = false;
    return first;
  }

  private List<PipelineResult> takeSettled() {
    List<PipelineResult> results = List.copyOf(settled);
    settled.clear();
    return results;
  }

  /**
   * Sends what is queued as one request. If that fails, every statement of it fails with it, and
   * the failure is the one the sync raises if none came before.
   */
  private void send() {
    PipelineQueue.Batch batch = queue.take();
    try {
      queue.submit(batch);
      sent.add(batch);
    } catch (TuskException e) {
      settled.addAll(batch.results());
      if (firstError == null) {
        firstError = e;
      }
      aborted = true;
    }
  }

  /** Waits for a part's answer and hands each of its cursors its outcome. */
  private void settle(PipelineQueue.Batch batch) {
    TuskException lost = null;
    try {
      connection.await(batch.request(), queue.timeout(batch));
    } catch (TuskException e) {
      lost = e;
    }
    TuskException first = queue.deliver(batch, lost, aborted);
    settled.addAll(batch.results());
    if (first != null && firstError == null) {
      firstError = first;
    }
    aborted |= first != null || batch.failed();
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
