package dev.tusk.internal.client;

import dev.tusk.AsyncCursor;
import dev.tusk.Column;
import dev.tusk.Copy;
import dev.tusk.Query;
import dev.tusk.types.TypeRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The async face of {@link ClientCursor}: renders on the calling thread (no I/O), then runs the
 * text on an ordinary async cursor. A value that cannot be rendered fails the returned future.
 */
final class AsyncClientCursor<R> implements AsyncCursor<R> {

  private final AsyncCursor<R> cursor;
  private final ClientBinding binding;

  AsyncClientCursor(AsyncCursor<R> cursor, ClientBinding binding) {
    this.cursor = cursor;
    this.binding = binding;
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
    return run(() -> binding.render(query, params));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Map<String, ?> params) {
    return run(() -> binding.render(query, params));
  }

  @Override
  public CompletableFuture<AsyncCursor<R>> executeMany(String sql, List<?> paramSets) {
    return executeMany(Query.of(sql), paramSets);
  }

  /** Runs the rendered sets as one script; see {@link ClientCursor#executeMany(Query, List)}. */
  @Override
  public CompletableFuture<AsyncCursor<R>> executeMany(Query query, List<?> paramSets) {
    if (paramSets.isEmpty()) {
      return cursor.executeMany(query, paramSets).thenApply(done -> this);
    }
    return run(() -> binding.renderMany(query, paramSets));
  }

  private CompletableFuture<AsyncCursor<R>> run(Supplier<Query> rendering) {
    Query rendered;
    try {
      rendered = rendering.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return cursor.execute(rendered).thenApply(done -> this);
  }

  @Override
  public CompletableFuture<R> fetchOne() {
    return cursor.fetchOne();
  }

  @Override
  public CompletableFuture<List<R>> fetchMany(int size) {
    return cursor.fetchMany(size);
  }

  @Override
  public CompletableFuture<List<R>> fetchAll() {
    return cursor.fetchAll();
  }

  @Override
  public long rowCount() {
    return cursor.rowCount();
  }

  @Override
  public String statusMessage() {
    return cursor.statusMessage();
  }

  @Override
  public List<Column> description() {
    return cursor.description();
  }

  @Override
  public boolean nextSet() {
    return cursor.nextSet();
  }

  @Override
  public TypeRegistry types() {
    return cursor.types();
  }

  /** COPY takes no parameters: it runs on the ordinary cursor as written. */
  @Override
  public CompletableFuture<Copy> copy(String sql) {
    return cursor.copy(sql);
  }

  @Override
  public void close() {
    cursor.close();
  }
}
