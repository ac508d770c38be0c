package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.RowFactory;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.types.TypeRegistry;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A client-side cursor. A statement's results are received whole before execute returns when they
 * are small; a lone statement whose rows overflow {@link Statements#STREAM_ROWS} returns once they
 * do, and its rows are read as they are fetched ({@link CursorResults}, {@link RowStream}).
 *
 * <p>A cursor of a {@link TuskPipeline} queues its statements there instead, and has results once
 * the pipeline has synced; reading it before then syncs the pipeline.
 */
final class TuskCursor<R> implements Cursor<R> {

  private final Statements statements;
  private final CursorTypes types;
  private final TuskPipeline pipeline;
  private final CursorResults<R> results;

  private int fetchSize = Statements.STREAM_ROWS;
  private boolean boundedStreaming = true;
  private boolean pending;
  private TuskException failure;
  private boolean closed;

  /**
   * @param pipeline the pipeline its executions join, or null to run them at once
   */
  TuskCursor(
      Statements statements,
      TypeScope connectionTypes,
      RowFactory<R> rowFactory,
      TuskPipeline pipeline) {
    this.statements = statements;
    this.types = new CursorTypes(connectionTypes);
    this.pipeline = pipeline;
    this.results = new CursorResults<>(rowFactory, types);
  }

  @Override
  public TypeRegistry types() {
    return types.own();
  }

  private TypeScope scope() {
    return types.current();
  }

  @Override
  public Cursor<R> execute(String sql, Object... params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public Cursor<R> execute(String sql, Map<String, ?> params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public Cursor<R> execute(Query query, Object... params) {
    checkOpen();
    Object[] values = params == null ? new Object[0] : params;
    if (pipeline != null) {
      queue(statements.bind(query, values, scope()), false);
    } else {
      results.closeStream();
      show(statements.stream(query, values, scope(), streaming()));
    }
    return this;
  }

  @Override
  public Cursor<R> execute(Query query, Map<String, ?> params) {
    checkOpen();
    Map<String, ?> values = params == null ? Map.of() : params;
    if (pipeline != null) {
      queue(statements.bind(query, values, scope()), false);
    } else {
      results.closeStream();
      show(statements.stream(query, values, scope(), streaming()));
    }
    return this;
  }

  @Override
  public Cursor<R> executeMany(String sql, List<?> paramSets) {
    return executeMany(Query.of(sql), paramSets);
  }

  @Override
  public Cursor<R> executeMany(Query query, List<?> paramSets) {
    checkOpen();
    if (pipeline != null && !paramSets.isEmpty()) {
      queue(statements.bindMany(query, paramSets, scope()), true);
    } else {
      results.closeStream();
      show(statements.runMany(query, paramSets, scope()), true);
    }
    return this;
  }

  private void queue(Statements.Bound statement, boolean many) {
    show(List.of(), false);
    pipeline.queue(statement, results -> show(results, many), this::fail);
    pending = true;
  }

  private void show(List<StatementResult> newResults, boolean many) {
    pending = false;
    failure = null;
    results.show(newResults, many);
  }

  private void show(Statements.Ran ran) {
    pending = false;
    failure = null;
    results.show(ran.results(), false, ran.stream(), ran.columns());
  }

  private void fail(TuskException error) {
    pending = false;
    failure = error;
  }

  /** Checks the cursor is open; waits for a pipelined execution's results, or raises its error. */
  private CursorResults<R> settled() {
    if (closed) {
      throw new InterfaceError("the cursor is closed");
    }
    if (pending) {
      try {
        pipeline.sync();
      } catch (TuskException e) {
        // Another statement's error is reported on that statement's cursor.
      }
    }
    if (failure != null) {
      failure.fillInStackTrace();
      throw failure;
    }
    return results;
  }

  @Override
  public R fetchOne() {
    return settled().fetchOne();
  }

  @Override
  public List<R> fetchMany(int size) {
    return settled().fetchMany(size);
  }

  @Override
  public List<R> fetchAll() {
    return settled().fetchAll();
  }

  @Override
  public long rowCount() {
    return settled().rowCount();
  }

  @Override
  public String statusMessage() {
    return settled().statusMessage();
  }

  @Override
  public List<Column> description() {
    return settled().description();
  }

  @Override
  public boolean nextSet() {
    return settled().nextSet();
  }

  @Override
  public Iterator<R> iterator() {
    return settled().iterator();
  }

  @Override
  public Cursor<R> fetchSize(int rows) {
    if (rows < 0) {
      throw new ProgrammingError("fetchSize needs 0 (collect all) or more rows, not " + rows);
    }
    fetchSize = rows;
    return this;
  }

  @Override
  public Cursor<R> boundedStreaming(boolean bounded) {
    boundedStreaming = bounded;
    return this;
  }

  private Streaming streaming() {
    return Streaming.of(fetchSize, boundedStreaming);
  }

  @Override
  public Stream<R> stream() {
    Iterator<R> rows = iterator();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(results::closeStream);
  }

  @Override
  public Copy copy(String sql) {
    checkOpen();
    if (pipeline != null) {
      throw new ProgrammingError(
          "a pipeline's cursor cannot run COPY, whose data would split the batch: use a cursor of"
              + " the connection");
    }
    results.closeStream();
    return TuskCopy.start(statements, sql, scope());
  }

  @Override
  public void close() {
    closed = true;
    results.show(List.of(), false);
  }

  private void checkOpen() {
    if (closed) {
      throw new InterfaceError("the cursor is closed");
    }
  }
}
