package dev.tusk.internal.client;

import dev.tusk.AsyncServerCursor;
import dev.tusk.Column;
import dev.tusk.Query;
import dev.tusk.ServerCursor;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The async {@link AsyncServerCursor}: the same {@link ServerCursorState} as the sync face, its
 * statements run through {@link ServerCursorRequests#runAsync}.
 */
final class TuskAsyncServerCursor<R> implements AsyncServerCursor<R> {

  private final ServerCursorState<R> state;
  private final ServerCursorRequests requests;
  private final ServerCursorRequests.Submitter submitter;

  TuskAsyncServerCursor(ServerCursorState<R> state, ServerCursorRequests requests) {
    this(state, requests, requests.direct);
  }

  /**
   * A cursor whose requests queue through {@code submitter}: an async transaction's owner thread,
   * for a cursor of that block.
   */
  TuskAsyncServerCursor(
      ServerCursorState<R> state,
      ServerCursorRequests requests,
      ServerCursorRequests.Submitter submitter) {
    this.state = state;
    this.requests = requests;
    this.submitter = submitter;
  }

  @Override
  public String name() {
    return state.name();
  }

  @Override
  public CompletableFuture<AsyncServerCursor<R>> execute(String sql, Object... params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public CompletableFuture<AsyncServerCursor<R>> execute(String sql, Map<String, ?> params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public CompletableFuture<AsyncServerCursor<R>> execute(Query query, Object... params) {
    Object[] values = params == null ? new Object[0] : params;
    return declare(
        query, () -> state.declaration(query, values), () -> state.portalQuery(query, values));
  }

  @Override
  public CompletableFuture<AsyncServerCursor<R>> execute(Query query, Map<String, ?> params) {
    Map<String, ?> values = params == null ? Map.of() : params;
    return declare(
        query, () -> state.declaration(query, values), () -> state.portalQuery(query, values));
  }

  /** DECLARE, or the query bound into a portal of the cursor's name (as the sync face). */
  private CompletableFuture<AsyncServerCursor<R>> declare(
      Query query,
      Supplier<List<Statements.Bound>> declaration,
      Supplier<Statements.Bound> portalQuery) {
    return cancellable(
        onSubmit ->
            closeDeclared()
                .thenCompose(closed -> declareNow(query, declaration, portalQuery, onSubmit)));
  }

  private CompletableFuture<AsyncServerCursor<R>> declareNow(
      Query query,
      Supplier<List<Statements.Bound>> declaration,
      Supplier<Statements.Bound> portalQuery,
      Consumer<Exchange<?>> onSubmit) {
    Duration timeout = state.timeout(query);
    if (!state.opensPortal()) {
      return run(declaration, timeout, true, onSubmit)
          .thenApply(
              steps -> {
                state.declared(query, steps);
                return this;
              });
    }
    return failing(
            () -> {
              Statements.Bound statement = portalQuery.get();
              return requests.openAsync(
                  statement, state.portalName(), timeout, onSubmit, submitter);
            },
            true)
        .thenCompose(
            opened -> {
              try {
                state.opened(query, opened);
                return CompletableFuture.completedFuture(this);
              } catch (TuskException e) {
                return closeDeclared()
                    .handle((ignored, closeFailure) -> this)
                    .thenCompose(
                        ignored -> CompletableFuture.<AsyncServerCursor<R>>failedFuture(e));
              }
            });
  }

  @Override
  public CompletableFuture<AsyncServerCursor<R>> attach() {
    return cancellable(
        onSubmit ->
            closeDeclared()
                .thenCompose(
                    closed -> {
                      List<Statements.Bound> batch;
                      try {
                        batch = state.attachment();
                      } catch (TuskException e) {
                        return CompletableFuture.failedFuture(e);
                      }
                      return requests
                          .runAsync(batch, state.timeout(), onSubmit, submitter)
                          .handle(
                              (steps, failure) -> {
                                if (failure == null) {
                                  state.attached(steps);
                                  return CompletableFuture.<AsyncServerCursor<R>>completedFuture(
                                      this);
                                }
                                TuskException raised =
                                    state.attachFailed(Asynchronous.unwrap(failure));
                                return closeDeclared()
                                    .handle((ignored, closeFailure) -> this)
                                    .thenCompose(
                                        ignored ->
                                            CompletableFuture.<AsyncServerCursor<R>>failedFuture(
                                                raised));
                              })
                          .thenCompose(Function.identity());
                    }));
  }

  /**
   * A future for the user: it completes as {@code operation}'s does, and cancelling it cancels on
   * the server the request the operation has queued last.
   */
  private <T> CompletableFuture<T> cancellable(
      Function<Consumer<Exchange<?>>, CompletableFuture<T>> operation) {
    AtomicReference<Exchange<?>> latest = new AtomicReference<>();
    Session session = requests.session();
    return Asynchronous.delivered(
        session,
        operation.apply(latest::set),
        () -> {
          Exchange<?> exchange = latest.get();
          if (exchange != null) {
            // Sending a CancelRequest connects a socket: not on the canceller's thread.
            Asynchronous.CALLBACKS.execute(() -> session.cancelWhenRunning(exchange));
          }
        });
  }

  @Override
  public CompletableFuture<R> fetchOne() {
    return cancellable(
        onSubmit -> fetch(1, onSubmit).thenApply(rows -> rows.isEmpty() ? null : rows.get(0)));
  }

  @Override
  public CompletableFuture<List<R>> fetchMany(int size) {
    if (size < 0) {
      return CompletableFuture.failedFuture(
          new ProgrammingError("fetchMany needs a size of 0 or more, not " + size));
    }
    // FETCH FORWARD 0 would fetch the current row again.
    return size == 0 ? checked(List::<R>of) : fetch(size);
  }

  @Override
  public CompletableFuture<List<R>> fetchAll() {
    return fetch(-1);
  }

  private CompletableFuture<List<R>> fetch(int count) {
    return cancellable(onSubmit -> fetch(count, onSubmit));
  }

  private CompletableFuture<List<R>> fetch(int count, Consumer<Exchange<?>> onSubmit) {
    if (state.viaPortal()) {
      return failing(
              () -> {
                StatementStep step = state.portalFetch(count);
                return requests.fetchAsync(step, state.timeout(), onSubmit, submitter);
              },
              false)
          .thenApply(state::fetchedFromPortal);
    }
    return run(() -> List.of(state.fetch(count)), state.timeout(), false, onSubmit)
        .thenApply(state::fetched);
  }

  @Override
  public CompletableFuture<Void> forEach(Consumer<? super R> action) {
    return cancellable(onSubmit -> forEach(action, state.itersize(), onSubmit));
  }

  private CompletableFuture<Void> forEach(
      Consumer<? super R> action, int size, Consumer<Exchange<?>> onSubmit) {
    return fetch(size, onSubmit)
        .thenCompose(
            rows -> {
              rows.forEach(action);
              return rows.size() < size || state.portalEnded()
                  ? CompletableFuture.<Void>completedFuture(null)
                  : forEach(action, size, onSubmit);
            });
  }

  @Override
  public CompletableFuture<Void> scroll(int value, ServerCursor.Scroll mode) {
    if (mode == null) {
      return CompletableFuture.failedFuture(
          new ProgrammingError("scroll needs a mode, RELATIVE or ABSOLUTE"));
    }
    return cancellable(
        onSubmit ->
            run(() -> List.of(state.move(value, mode)), state.timeout(), false, onSubmit)
                .thenAccept(steps -> state.moved(value, mode, steps)));
  }

  /**
   * Runs the statements {@code batch} makes (making them may fail: a closed cursor, a value that
   * cannot be encoded); a failure closes the cursor, on the server too where it may remain.
   */
  private CompletableFuture<List<StatementStep>> run(
      Supplier<List<Statements.Bound>> batch,
      Duration timeout,
      boolean declaring,
      Consumer<Exchange<?>> onSubmit) {
    return failing(
        () -> {
          List<Statements.Bound> statements = batch.get();
          return requests.runAsync(statements, timeout, onSubmit, submitter);
        },
        declaring);
  }

  /**
   * Runs {@code request} (making it may fail: a closed cursor, a value that cannot be encoded); a
   * failure of the request closes the cursor, on the server too where it may remain.
   */
  private <T> CompletableFuture<T> failing(
      Supplier<CompletableFuture<T>> request, boolean declaring) {
    CompletableFuture<T> started;
    try {
      started = request.get();
    } catch (TuskException e) {
      return CompletableFuture.failedFuture(e);
    }
    return started
        .handle(
            (value, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(value);
              }
              TuskException raised = state.failed(Asynchronous.unwrap(failure), declaring);
              return closeDeclared()
                  .handle((ignored, closeFailure) -> value)
                  .thenCompose(ignored -> CompletableFuture.<T>failedFuture(raised));
            })
        .thenCompose(Function.identity());
  }

  private <T> CompletableFuture<T> checked(Supplier<T> value) {
    try {
      state.checkOpen();
      return CompletableFuture.completedFuture(value.get());
    } catch (TuskException e) {
      return CompletableFuture.failedFuture(e);
    }
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
  public int itersize() {
    return state.itersize();
  }

  @Override
  public AsyncServerCursor<R> itersize(int rows) {
    state.itersize(rows);
    return this;
  }

  @Override
  public Boolean scrollable() {
    return state.scrollable();
  }

  @Override
  public AsyncServerCursor<R> scrollable(Boolean scrollable) {
    state.scrollable(scrollable);
    return this;
  }

  @Override
  public boolean withHold() {
    return state.withHold();
  }

  @Override
  public AsyncServerCursor<R> withHold(boolean withHold) {
    state.withHold(withHold);
    return this;
  }

  @Override
  public boolean closed() {
    return state.closed();
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    if (state.closed()) {
      return CompletableFuture.completedFuture(null);
    }
    state.markClosed();
    return closeDeclared();
  }

  @Override
  public void close() {
    closeAsync();
  }

  /** Closes the current declaration on the server, if it may still be there. */
  private CompletableFuture<Void> closeDeclared() {
    Statements.Bound close;
    try {
      close = state.closing();
    } catch (TuskException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (close == null) {
      return CompletableFuture.completedFuture(null);
    }
    return requests
        .runAsync(List.of(close), state.timeout(), exchange -> {}, submitter)
        .handle(
            (steps, failure) -> {
              TuskException error = failure == null ? null : Asynchronous.unwrap(failure);
              return error == null || state.closeFailureExpected(error)
                  ? CompletableFuture.<Void>completedFuture(null)
                  : CompletableFuture.<Void>failedFuture(error);
            })
        .thenCompose(Function.identity());
  }

  @Override
  public String toString() {
    return "Async" + state;
  }
}
