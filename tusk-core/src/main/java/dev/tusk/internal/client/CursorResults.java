package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.RowFactory;
import dev.tusk.RowMaker;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.StatementResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The results a cursor holds, all received, and its position in them: which statement's result,
 * which row. Rows are made by the row factory's maker, one per result. Shared by the sync and the
 * async cursor, which differ only in how results arrive.
 */
final class CursorResults<R> {

  private final RowFactory<R> rowFactory;
  private final Supplier<TypeScope> types;
  private List<StatementResult> results = List.of();
  private int resultIndex;
  private int rowIndex;
  private long rowCount = -1;
  private ResultColumns columns = ResultColumns.NONE;
  private RowMaker<R> maker;

  /**
   * @param types the registry in effect when a result is entered (a cursor's may change)
   */
  CursorResults(RowFactory<R> rowFactory, Supplier<TypeScope> types) {
    this.rowFactory = rowFactory;
    this.types = types;
  }

  /**
   * Shows new results, positioned before the first row of the first. For {@code executeMany}
   * ({@code many}), the row count is the total of every set's.
   */
  void show(List<StatementResult> newResults, boolean many) {
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

  private void enterResult() {
    rowIndex = 0;
    maker = null;
    if (resultIndex < results.size()) {
      StatementResult result = results.get(resultIndex);
      columns = ResultColumns.of(result.description(), types.get());
      rowCount = result.rowCount();
    } else {
      columns = ResultColumns.NONE;
      rowCount = -1;
    }
  }

  R fetchOne() {
    List<?> rows = currentRows();
    if (rowIndex >= rows.size()) {
      return null;
    }
    return make(rowIndex++);
  }

  List<R> fetchMany(int size) {
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

  List<R> fetchAll() {
    return fetchMany(Integer.MAX_VALUE);
  }

  private List<?> currentRows() {
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

  long rowCount() {
    return rowCount;
  }

  String statusMessage() {
    return resultIndex < results.size() ? results.get(resultIndex).commandTag() : null;
  }

  List<Column> description() {
    return columns.columns();
  }

  boolean nextSet() {
    if (resultIndex + 1 >= results.size()) {
      resultIndex = results.size();
      enterResult();
      return false;
    }
    resultIndex++;
    enterResult();
    return true;
  }

  /**
   * The remaining rows of the current result. Counts rows rather than stopping at a null: a row
   * factory may make null (a scalar NULL).
   */
  Iterator<R> iterator() {
    // Fails at once for a statement that returns no rows.
    currentRows();
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
}
