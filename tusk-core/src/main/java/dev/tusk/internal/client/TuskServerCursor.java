package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.ServerCursor;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.types.TypeRegistry;
import java.time.Duration;
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

  /** The iteration whose batch is still arriving through the portal, or null. */
  private PortalRows active;

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
    return declare(
        query, () -> state.declaration(query, values), () -> state.portalQuery(query, values));
  }

  @Override
  public ServerCursor<R> execute(Query query, Map<String, ?> params) {
    Map<String, ?> values = params == null ? Map.of() : params;
    return declare(
        query, () -> state.declaration(query, values), () -> state.portalQuery(query, values));
  }

  /** DECLARE, or the query bound into a portal of the cursor's name (see opensPortal). */
  private ServerCursor<R> declare(
      Query query,
      Supplier<List<Statements.Bound>> declaration,
      Supplier<Statements.Bound> portalQuery) {
    state.checkOpen();
    closeDeclared();
    Duration timeout = state.timeout(query);
    if (state.opensPortal()) {
      Statements.Bound statement = portalQuery.get();
      ServerCursorRequests.Opened opened =
          run(() -> requests.open(statement, state.portalName(), timeout), true);
      try {
        state.opened(query, opened);
      } catch (TuskException e) {
        closeQuietly();
        throw e;
      }
      return this;
    }
    List<Statements.Bound> batch = declaration.get();
    state.declared(query, run(() -> requests.run(batch, timeout), true));
    return this;
  }

  @Override
  public ServerCursor<R> attach() {
    state.checkOpen();
    closeDeclared();
    List<Statements.Bound> batch = state.attachment();
    List<StatementStep> steps;
    try {
      steps = requests.run(batch, state.timeout());
    } catch (TuskException e) {
      TuskException raised = state.attachFailed(e);
      closeQuietly();
      throw raised;
    }
    state.attached(steps);
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

  /**
   * Drops the rest of a batch an iterator left part way (its rows arrive and are dropped), so that
   * the cursor's next statement follows it.
   */
  private void dropStreaming(boolean raise) {
    PortalRows left = active;
    if (left == null) {
      return;
    }
    active = null;
    TuskException error = left.drop();
    if (error != null) {
      TuskException raised = state.failed(error, false);
      if (raise) {
        closeQuietly();
        throw raised;
      }
    }
  }

  /** One FETCH FORWARD {@code count} (below 0: ALL), or an Execute of the cursor's portal. */
  private List<R> fetch(int count) {
    dropStreaming(true);
    if (state.viaPortal()) {
      StatementStep step = state.portalFetch(count);
      return state.fetchedFromPortal(run(() -> requests.fetch(step, state.timeout()), false));
    }
    Statements.Bound fetch = state.fetch(count);
    return state.fetched(run(() -> requests.run(List.of(fetch), state.timeout()), false));
  }

  @Override
  public void scroll(int value, Scroll mode) {
    if (mode == null) {
      throw new ProgrammingError("scroll needs a mode, RELATIVE or ABSOLUTE");
    }
    dropStreaming(true);
    Statements.Bound move = state.move(value, mode);
    state.moved(value, mode, run(() -> requests.run(List.of(move), state.timeout()), false));
  }

  /** Runs a request; a failure closes the cursor (on the server too, where it may remain). */
  private <T> T run(Supplier<T> request, boolean declaring) {
    try {
      return request.get();
    } catch (TuskException e) {
      TuskException raised = state.failed(e, declaring);
      closeQuietly();
      throw raised;
    }
  }

  @Override
  public Iterator<R> iterator() {
    state.checkOpen();
    if (state.viaPortal()) {
      return new PortalRows();
    }
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
        // A short batch is the last: no FETCH more just to learn that nothing is left. A portal
        // says itself when an Execute reached its end.
        exhausted = batch.size() < size || state.portalEnded();
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

  /**
   * Rows read through the portal, one Execute of {@code itersize} rows per batch, each batch's rows
   * decoded as they arrive (the server produces the rest of the batch meanwhile). Nothing is read
   * beyond the batch asked for.
   */
  private final class PortalRows implements Iterator<R> {
    private List<DataRow> rows = List.of();
    private int index;
    private StatementStep step;
    private ServerCursorRequests.Streaming streaming;
    private int size;
    private int arrived;
    private int handed;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      while (index >= rows.size()) {
        if (streaming == null) {
          if (exhausted) {
            return false;
          }
          start();
          continue;
        }
        // The batch read up to here is handed back for reuse, forgotten first (see CursorResults).
        List<DataRow> spent = rows;
        rows = List.of();
        index = 0;
        List<DataRow> next;
        try {
          next = streaming.rows().next(spent);
        } catch (TuskException e) {
          streaming = null;
          active = null;
          TuskException raised = state.failed(e, false);
          closeQuietly();
          throw raised;
        }
        if (next.isEmpty()) {
          streaming = null;
          active = null;
          state.portalBatchEnded(step, arrived, 0);
          // A short batch is the last; a full one may be too, as the portal says.
          exhausted = arrived < size || state.portalEnded();
          continue;
        }
        rows = next;
        index = 0;
        arrived += next.size();
      }
      return true;
    }

    private void start() {
      dropStreaming(true);
      size = state.itersize();
      step = state.portalFetch(size);
      step.stream(Math.min(size, Statements.STREAM_ROWS), true);
      arrived = 0;
      handed = 0;
      try {
        streaming = requests.stream(step, state.timeout());
      } catch (TuskException e) {
        TuskException raised = state.failed(e, false);
        closeQuietly();
        throw raised;
      }
      active = this;
    }

    @Override
    public R next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      handed++;
      return state.fromPortal(rows.get(index++));
    }

    /**
     * Drops the rest of the batch (it arrives and is dropped) and waits for its end, counting the
     * rows never handed out in the position; the batch's error, or null.
     */
    TuskException drop() {
      streaming.rows().close();
      TuskException error = requests.awaitEnd(streaming.request());
      streaming = null;
      // The iteration may go on: its next batch starts where the cursor's statements left it.
      rows = List.of();
      if (error != null) {
        return error;
      }
      StatementResult result = step.results().get(0);
      int total = result.isSuspended() ? size : (int) result.rowCount();
      state.portalBatchEnded(step, total, total - handed);
      return null;
    }
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
  public ServerCursor<R> boundedStreaming(boolean bounded) {
    return this; // see ServerCursor#boundedStreaming: nothing waits for its consumer but its block
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
    // A batch left part way is dropped; its error, if any, was the transaction's end already.
    dropStreaming(false);
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
