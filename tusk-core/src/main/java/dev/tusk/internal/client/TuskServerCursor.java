package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.ServerCursor;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.StatementStep;
import dev.tusk.types.TypeRegistry;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The sync {@link ServerCursor}: each call runs its statement through {@link ServerCursorRequests}
 * and waits, as a client cursor's does.
 */
final class TuskServerCursor<R> implements ServerCursor<R> {

  private final ServerCursorState<R> state;
  private final ServerCursorRequests requests;

  TuskServerCursor(ServerCursorState<R> state, ServerCursorRequests requests) {
    this.state = state;
    this.requests = requests;
  }

  @Override
  public String name() {
    return state.name();
  }

  @Override
  public ServerCursor<R> execute(String sql, Object... params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public ServerCursor<R> execute(String sql, Map<String, ?> params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public ServerCursor<R> execute(Query query, Object... params) {
    Object[] values = params == null ? new Object[0] : params;
    return declare(query, () -> state.declaration(query, values));
  }

  @Override
  public ServerCursor<R> execute(Query query, Map<String, ?> params) {
    Map<String, ?> values = params == null ? Map.of() : params;
    return declare(query, () -> state.declaration(query, values));
  }

  private ServerCursor<R> declare(Query query, Supplier<List<Statements.Bound>> declaration) {
    state.checkOpen();
    closeDeclared();
    List<Statements.Bound> batch = declaration.get();
    List<StatementStep> steps = run(batch, true);
    state.declared(query, steps);
    return this;
  }

  @Override
  public Cursor<R> executeMany(String sql, List<?> paramSets) {
    throw ServerCursorErrors.executeManyRefused();
  }

  @Override
  public Cursor<R> executeMany(Query query, List<?> paramSets) {
    throw ServerCursorErrors.executeManyRefused();
  }

  @Override
  public R fetchOne() {
    List<R> rows = fetch(1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  @Override
  public List<R> fetchMany(int size) {
    if (size < 0) {
      throw new ProgrammingError("fetchMany needs a size of 0 or more, not " + size);
    }
    // FETCH FORWARD 0 would fetch the current row again.
    return size == 0 ? List.of() : fetch(size);
  }

  @Override
  public List<R> fetchAll() {
    return fetch(-1);
  }

  /** One FETCH FORWARD {@code count} (below 0: ALL). */
  private List<R> fetch(int count) {
    Statements.Bound fetch = state.fetch(count);
    return state.fetched(run(List.of(fetch), false));
  }

  @Override
  public void scroll(int value, Scroll mode) {
    if (mode == null) {
      throw new ProgrammingError("scroll needs a mode, RELATIVE or ABSOLUTE");
    }
    Statements.Bound move = state.move(value, mode);
    state.moved(value, mode, run(List.of(move), false));
  }

  /** Runs the statements; a failure closes the cursor (on the server too, where it may remain). */
  private List<StatementStep> run(List<Statements.Bound> batch, boolean declaring) {
    try {
      return requests.run(batch, state.timeout());
    } catch (TuskException e) {
      TuskException raised = state.failed(e, declaring);
      closeQuietly();
      throw raised;
    }
  }

  @Override
  public Iterator<R> iterator() {
    state.checkOpen();
    return new Iterator<>() {
      private List<R> batch = List.of();
      private int index;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (index < batch.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        int size = state.itersize();
        batch = fetch(size);
        index = 0;
        // A short batch is the last: no FETCH more just to learn that nothing is left.
        exhausted = batch.size() < size;
        return !batch.isEmpty();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.get(index++);
      }
    };
  }

  @Override
  public Stream<R> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  @Override
  public long rowCount() {
    return state.rowCount();
  }

  @Override
  public long rowNumber() {
    return state.rowNumber();
  }

  @Override
  public String statusMessage() {
    return state.statusMessage();
  }

  @Override
  public List<Column> description() {
    return state.description();
  }

  @Override
  public boolean nextSet() {
    state.checkOpen();
    return false;
  }

  /** A server cursor's statement is a query, which COPY is not. */
  @Override
  public Copy copy(String sql) {
    throw ServerCursorErrors.copyRefused();
  }

  @Override
  public ServerCursor<R> fetchSize(int rows) {
    return itersize(rows);
  }

  @Override
  public int itersize() {
    return state.itersize();
  }

  @Override
  public ServerCursor<R> itersize(int rows) {
    state.itersize(rows);
    return this;
  }

  @Override
  public Boolean scrollable() {
    return state.scrollable();
  }

  @Override
  public ServerCursor<R> scrollable(Boolean scrollable) {
    state.scrollable(scrollable);
    return this;
  }

  @Override
  public boolean withHold() {
    return state.withHold();
  }

  @Override
  public ServerCursor<R> withHold(boolean withHold) {
    state.withHold(withHold);
    return this;
  }

  @Override
  public TypeRegistry types() {
    return state.types().own();
  }

  @Override
  public boolean closed() {
    return state.closed();
  }

  @Override
  public void close() {
    if (state.closed()) {
      return;
    }
    state.markClosed();
    closeDeclared();
  }

  /** Closes the current declaration on the server, if it may still be there. */
  private void closeDeclared() {
    Statements.Bound close = state.closing();
    if (close == null) {
      return;
    }
    try {
      requests.run(List.of(close), state.timeout());
    } catch (TuskException e) {
      if (!state.closeFailureExpected(e)) {
        throw e;
      }
    }
  }

  /** After a failure: removes what may remain on the server; a failure here says nothing new. */
  private void closeQuietly() {
    try {
      closeDeclared();
    } catch (TuskException e) {
      // The first error is the one the caller needs; this one follows from it.
    }
  }

  @Override
  public String toString() {
    return state.toString();
  }
}
