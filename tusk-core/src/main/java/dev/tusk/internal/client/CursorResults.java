package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.RowFactory;
import dev.tusk.RowMaker;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.protocol.DataRow;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The results a cursor holds and its position in them: which statement's result, which row. A
 * result is either all received (collected), or still arriving ({@link RowStream}): its rows are
 * then taken in batches as they come and dropped once read, so memory stays flat however many there
 * are. Rows are made by the row factory's maker, one per result. Shared by the sync and the async
 * cursor, which differ only in how results arrive.
 */
final class CursorResults<R> {

  private final RowFactory<R> rowFactory;
  private final Supplier<TypeScope> types;

  /** Drops streams whose cursor was collected unclosed, so that nobody waits for them forever. */
  private static final Cleaner ABANDONED =
      Cleaner.create(Thread.ofPlatform().daemon().name("tusk-abandoned-streams").factory());

  private List<StatementResult> results = List.of();
  private RowStream stream;
  private Cleaner.Cleanable abandonment;
  private int resultIndex;
  private List<DataRow> batch = List.of();
  private int batchIndex;
  private long rowCount = -1;
  private ResultColumns columns = ResultColumns.NONE;
  private ColumnsMemo firstColumns;
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
   * ({@code many}), the row count is the total of every set's. {@code stream}, if not null, is the
   * first result still arriving. A stream still open from before is abandoned. {@code
   * firstColumns}, if not null, resolves the first result's columns.
   */
  void show(
      List<StatementResult> newResults,
      boolean many,
      RowStream newStream,
      ColumnsMemo firstColumns) {
    closeStream();
    results = newResults;
    stream = newStream;
    this.firstColumns = firstColumns;
    if (newStream != null) {
      // The action holds the stream, never these results: they stay collectable.
      abandonment = ABANDONED.register(this, newStream::abandon);
    }
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

  void show(List<StatementResult> newResults, boolean many) {
    show(newResults, many, null, null);
  }

  /** Abandons the result still arriving, if any (its remaining rows are dropped). */
  void closeStream() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
    forgetAbandonment();
  }

  private void forgetAbandonment() {
    if (abandonment != null) {
      abandonment.clean();
      abandonment = null;
    }
  }

  private boolean streaming() {
    return stream != null && resultIndex == 0;
  }

  private void enterResult() {
    batchIndex = 0;
    maker = null;
    if (resultIndex < results.size()) {
      StatementResult result = results.get(resultIndex);
      columns =
          resultIndex == 0 && firstColumns != null
              ? firstColumns.columnsFor(result.description(), types.get())
              : ResultColumns.of(result.description(), types.get());
      batch = streaming() ? List.of() : result.rows();
      rowCount = result.rowCount();
    } else {
      columns = ResultColumns.NONE;
      batch = List.of();
      rowCount = -1;
    }
  }

  R fetchOne() {
    DataRow row = nextRow();
    return row == null ? null : make(row);
  }

  List<R> fetchMany(int size) {
    if (size < 0) {
      throw new ProgrammingError("fetchMany needs a size of 0 or more, not " + size);
    }
    // Sized for the rows at hand, not a fixed 1,024: a point select's fetchAll would otherwise
    // allocate a 4 KB array for its one row. A stream's later batches grow the list.
    List<R> made = new ArrayList<>(Math.min(size, Math.max(batch.size() - batchIndex, 10)));
    for (int i = 0; i < size; i++) {
      DataRow row = nextRow();
      if (row == null) {
        break;
      }
      made.add(make(row));
    }
    return made;
  }

  List<R> fetchAll() {
    return fetchMany(Integer.MAX_VALUE);
  }

  /** The next row of the current result, or null at its end. */
  private DataRow nextRow() {
    return hasRow() ? batch.get(batchIndex++) : null;
  }

  /** Whether a row is left in the current result: takes the next batch of a stream if needed. */
  private boolean hasRow() {
    checkReturnsRows();
    if (batchIndex < batch.size()) {
      return true;
    }
    if (!streaming()) {
      return false;
    }
    // The batch read up to here came from the stream too (or is the empty start): it is handed
    // back for reuse, and forgotten first, so that a failing next() leaves nothing to read in it.
    List<DataRow> spent = batch;
    batch = List.of();
    batchIndex = 0;
    batch = stream.next(spent);
    if (batch.isEmpty()) {
      // The stream ended: its count and tag are known now.
      rowCount = stream.result().rowCount();
      stream = null;
      forgetAbandonment();
      return false;
    }
    return true;
  }

  private void checkReturnsRows() {
    if (resultIndex >= results.size()) {
      return;
    }
    StatementResult result = results.get(resultIndex);
    if (result.description() == null) {
      // An empty query has no command tag.
      String statement = result.commandTag() == null ? "empty query" : result.commandTag();
      throw new ProgrammingError("the last statement returned no rows (" + statement + ")");
    }
  }

  private R make(DataRow row) {
    if (maker == null) {
      maker = rowFactory.maker(columns.columns());
    }
    return ResultRow.make(maker, row, columns);
  }

  /** The row count: -1 while a streaming result is still arriving. */
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
    if (streaming()) {
      closeStream();
    }
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
    checkReturnsRows();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return hasRow();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return make(batch.get(batchIndex++));
      }
    };
  }
}
