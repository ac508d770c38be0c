package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Cursor;
import dev.tusk.RowFactory;
import dev.tusk.RowMaker;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
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
 */
final class TuskCursor<R> implements Cursor<R> {

  private final Statements statements;
  private final TypeScope connectionTypes;
  private final RowFactory<R> rowFactory;

  /** This cursor's own registry, made by the first {@link #types()} call; null until then. */
  private TypeScope ownTypes;

  private List<StatementResult> results = List.of();
  private int resultIndex;
  private int rowIndex;
  private long rowCount = -1;
  private ResultColumns columns = ResultColumns.NONE;
  private RowMaker<R> maker;
  private boolean closed;

  TuskCursor(Statements statements, TypeScope connectionTypes, RowFactory<R> rowFactory) {
    this.statements = statements;
    this.connectionTypes = connectionTypes;
    this.rowFactory = rowFactory;
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
    checkOpen();
    show(statements.run(sql, params == null ? new Object[0] : params, scope()));
    return this;
  }

  @Override
  public Cursor<R> execute(String sql, Map<String, ?> params) {
    checkOpen();
    show(statements.run(sql, params == null ? Map.of() : params, scope()));
    return this;
  }

  @Override
  public Cursor<R> executeMany(String sql, List<?> paramSets) {
    checkOpen();
    List<StatementResult> all = statements.runMany(sql, paramSets, scope());
    show(all);
    long total = 0;
    for (StatementResult result : all) {
      total += Math.max(0, result.rowCount());
    }
    rowCount = total;
    return this;
  }

  private void show(List<StatementResult> newResults) {
    results = newResults;
    resultIndex = 0;
    enterResult();
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
    return rowCount;
  }

  @Override
  public String statusMessage() {
    return resultIndex < results.size() ? results.get(resultIndex).commandTag() : null;
  }

  @Override
  public List<Column> description() {
    return columns.columns();
  }

  @Override
  public boolean nextSet() {
    checkOpen();
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
