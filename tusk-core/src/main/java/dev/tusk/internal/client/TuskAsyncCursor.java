package dev.tusk.internal.client;

import dev.tusk.AsyncCursor;
import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Query;
import dev.tusk.RowFactory;
import dev.tusk.errors.InterfaceError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.types.TypeRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The async cursor: runs statements through the same {@link Statements} as the sync cursor, and
 * shows the results once they have all arrived.
 */
final class TuskAsyncCursor<R> implements AsyncCursor<R> {

  /** How one kind of execute queues its request, given where to report each request queued. */
  private interface Run
      extends Function<Consumer<Exchange<?>>, CompletableFuture<Statements.Ran>> {}

  private final Session session;
  private final Statements statements;
  private final CursorTypes types;
  private final CursorResults<R> results;
  private boolean closed;

  TuskAsyncCursor(
      Session session, Statements statements, TypeScope connectionTypes, RowFactory<R> factory) {
    this.session = session;
    this.statements = statements;
    this.types = new CursorTypes(connectionTypes);
    this.results = new CursorResults<>(factory, types);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(String sql, Object... params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(String sql, Map<String, ?> params) {
    return execute(Query.of(sql), params);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Object... params) {
    Object[] values = params == null ? new Object[0] : params;
    return run(onSubmit -> statements.runAsync(query, values, scope(), onSubmit), false);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Map<String, ?> params) {
    Map<String, ?> values = params == null ? Map.of() : params;
    return run(onSubmit -> statements.runAsync(query, values, scope(), onSubmit), false);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> executeMany(String sql, List<?> paramSets) {
    return executeMany(Query.of(sql), paramSets);
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> executeMany(Query query, List<?> paramSets) {
    return run(onSubmit -> statements.runManyAsync(query, paramSets, scope(), onSubmit), true);
  }

  /**
   * Queues the request without blocking, and shows its results when they arrive. Cancelling the
   * returned future cancels the request on the server.
   */
  private CompletableFuture<AsyncCursor<R>> run(Run request, boolean many) {
    if (closed) {
      return CompletableFuture.failedFuture(new InterfaceError("the cursor is closed"));
    }
    AtomicReference<Exchange<?>> latest = new AtomicReference<>();
    CompletableFuture<AsyncCursor<R>> shown =
        Asynchronous.start(session, () -> request.apply(latest::set))
            .thenApply(
                ran -> {
                  results.show(ran.results(), many, null, ran.columns());
                  return this;
                });
    return Asynchronous.delivered(
        session,
        shown,
        () -> {
          Exchange<?> exchange = latest.get();
          if (exchange != null) {
            // Sending a CancelRequest connects a socket: not on the canceller's thread.
            Asynchronous.CALLBACKS.execute(() -> session.cancelWhenRunning(exchange));
          }
        });
  }

  /** Shows the results a pipeline's batch brought for this cursor's statement. */
  void show(List<StatementResult> newResults, boolean many) {
    results.show(newResults, many);
  }

  @Override
  public CompletableFuture<R> fetchOne() {
    return now(() -> results.fetchOne());
  }

  @Override
  public CompletableFuture<List<R>> fetchMany(int size) {
    return now(() -> results.fetchMany(size));
  }

  @Override
  public CompletableFuture<List<R>> fetchAll() {
    return now(results::fetchAll);
  }

  /** Results are in memory: a fetch completes at once, failing as the sync cursor would throw. */
  private <T> CompletableFuture<T> now(Supplier<T> fetch) {
    try {
      checkOpen();
      return CompletableFuture.completedFuture(fetch.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public long rowCount() {
    return results.rowCount();
  }

  @Override
  public String statusMessage() {
    return results.statusMessage();
  }

  @Override
  public List<Column> description() {
    return results.description();
  }

  @Override
  public boolean nextSet() {
    checkOpen();
    return results.nextSet();
  }

  @Override
  public TypeRegistry types() {
    return types.own();
  }

  private TypeScope scope() {
    return types.current();
  }

  /** Starts the COPY on a virtual thread, which waits for the server's answer. */
  @Override
  public CompletableFuture<Copy> copy(String sql) {
    if (closed) {
      return CompletableFuture.failedFuture(new InterfaceError("the cursor is closed"));
    }
    TypeScope scope = scope();
    return Asynchronous.offload(() -> TuskCopy.start(statements, sql, scope));
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
