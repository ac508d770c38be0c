package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.RowFactory;
import dev.tusk.RowMaker;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.types.TypeRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A client-side cursor: a statement's results are all received before it returns, then read from
 * memory. Rows are made by the row factory's maker, one per result.
 *
 * <p>A cursor of a {@link TuskPipeline} queues its statements there instead, and has results once
 * the pipeline has synced; reading it before then syncs the pipeline.
 */
final class TuskCursor<R> implements Cursor<R> {

  private final Statements statements;
  private final TypeScope connectionTypes;
  private final RowFactory<R> rowFactory;
  private final TuskPipeline pipeline;

  /** This cursor's own registry, made by the first {@link #types()} call; null until then. */
  private TypeScope ownTypes;

  private boolean pending;
  private TuskException failure;
  private List<StatementResult> results = List.of();
  private int resultIndex;
  private int rowIndex;
  private long rowCount = -1;
  private ResultColumns columns = ResultColumns.NONE;
  private RowMaker<R> maker;
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
    this.connectionTypes = connectionTypes;
    this.rowFactory = rowFactory;
    this.pipeline = pipeline;
  }

  @Override
  public TypeRegistry types() {
    if (ownTypes == null) {
      ownTypes = connectionTypes.copy();
    }
    return ownTypes;
  }

  /** The registry in effect: this cursor's own once it has one, else its connection's. */
  private TypeScope scope() {
    return ownTypes != null ? ownTypes : connectionTypes;
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
      show(statements.run(query, values, scope()), false);
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
      show(statements.run(query, values, scope()), false);
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
    results = newResults;
    resultIndex = 0;
    enterResult();
    if (many) {
      long total = 0;
      for (StatementResult result : newResults) {
        total += Math.max(0, result.rowCount());
      }
      rowCount = total;
    }
  }

  private void fail(TuskException error) {
    pending = false;
    failure = error;
  }

  /** Waits for a pipelined execution's results; raises its error if it failed. */
  private void settle() {
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
  }

  private void enterResult() {
    rowIndex = 0;
    maker = null;
    if (resultIndex < results.size()) {
      StatementResult result = results.get(resultIndex);
      columns = ResultColumns.of(result.description(), scope());
      rowCount = result.rowCount();
    } else {
      columns = ResultColumns.NONE;
      rowCount = -1;
    }
  }

  @Override
  public R fetchOne() {
    List<?> rows = currentRows();
    if (rowIndex >= rows.size()) {
      return null;
    }
    return make(rowIndex++);
  }

  @Override
  public List<R> fetchMany(int size) {
    if (size < 0) {
      throw new ProgrammingError("fetchMany needs a size of 0 or more, not " + size);
    }
    List<?> rows = currentRows();
    int end = (int) Math.min(rows.size(), (long) rowIndex + size);
    List<R> made = new ArrayList<>(Math.max(0, end - rowIndex));
    while (rowIndex < end) {
      made.add(make(rowIndex++));
    }
    return made;
  }

  @Override
  public List<R> fetchAll() {
    return fetchMany(Integer.MAX_VALUE);
  }

  private List<?> currentRows() {
    checkOpen();
    settle();
    if (resultIndex >= results.size()) {
      return List.of();
    }
    StatementResult result = results.get(resultIndex);
    if (result.description() == null) {
      // An empty query has no command tag.
      String statement = result.commandTag() == null ? "empty query" : result.commandTag();
      throw new ProgrammingError("the last statement returned no rows (" + statement + ")");
    }
    return result.rows();
  }

  private R make(int index) {
    if (maker == null) {
      maker = rowFactory.maker(columns.columns());
    }
    return maker.make(new ResultRow(columns, results.get(resultIndex).rows().get(index)));
  }

  @Override
  public long rowCount() {
    settle();
    return rowCount;
  }

  @Override
  public String statusMessage() {
    settle();
    return resultIndex < results.size() ? results.get(resultIndex).commandTag() : null;
  }

  @Override
  public List<Column> description() {
    settle();
    return columns.columns();
  }

  @Override
  public boolean nextSet() {
    checkOpen();
    settle();
    if (resultIndex + 1 >= results.size()) {
      resultIndex = results.size();
      enterResult();
      return false;
    }
    resultIndex++;
    enterResult();
    return true;
  }

  @Override
  public Iterator<R> iterator() {
    // Fails at once for a statement that returns no rows.
    currentRows();
    // Counts rows rather than stopping at a null: a row factory may make null (a scalar NULL).
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rowIndex < currentRows().size();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return make(rowIndex++);
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    results = List.of();
  }

  private void checkOpen() {
    if (closed) {
      throw new InterfaceError("the cursor is closed");
    }
  }
}
