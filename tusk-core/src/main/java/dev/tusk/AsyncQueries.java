package dev.tusk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The async face of {@link Queries}: an async connection with a default row factory, so that
 * everything run through it makes rows with that factory, typed as such. Get one from {@link
 * AsyncConnection#withRowFactory(RowFactory)}:
 *
 * <pre>{@code
 * AsyncQueries<Pet> pets = async.withRowFactory(RowFactories.record(Pet.class));
 * pets.execute("SELECT * FROM pets WHERE id = $1", 1)
 *     .thenCompose(AsyncCursor::fetchOne)
 *     .thenAccept(pet -> System.out.println(pet.name()));
 * }</pre>
 *
 * <p>It holds nothing but the connection and the factory, so it is as thread-safe as the
 * connection, and closing the connection ends it.
 *
 * @param <R> the type of the rows
 */
public final class AsyncQueries<R> {

  private final AsyncConnection connection;
  private final RowFactory<R> rowFactory;

  AsyncQueries(AsyncConnection connection, RowFactory<R> rowFactory) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.rowFactory = Objects.requireNonNull(rowFactory, "rowFactory");
  }

  /** The connection the statements run on. */
  public AsyncConnection connection() {
    return connection;
  }

  /** The row factory every cursor of this view uses. */
  public RowFactory<R> rowFactory() {
    return rowFactory;
  }

  /** A new cursor producing rows made by the default row factory. */
  public AsyncCursor<R> cursor() {
    return connection.cursor(rowFactory);
  }

  /** Runs a statement with {@code $n} placeholders; see {@link AsyncConnection#execute}. */
  public CompletableFuture<AsyncCursor<R>> execute(String sql, Object... params) {
    return cursor().execute(sql, params);
  }

  /** Runs a statement with {@code :name} placeholders bound from {@code params}. */
  public CompletableFuture<AsyncCursor<R>> execute(String sql, Map<String, ?> params) {
    return cursor().execute(sql, params);
  }

  /** Like {@link #execute(String, Object...)}, with per-call options. */
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Object... params) {
    return cursor().execute(query, params);
  }

  /** Like {@link #execute(String, Map)}, with per-call options. */
  public CompletableFuture<AsyncCursor<R>> execute(Query query, Map<String, ?> params) {
    return cursor().execute(query, params);
  }

  /** Runs a statement once per parameter set; see {@link AsyncCursor#executeMany}. */
  public CompletableFuture<AsyncCursor<R>> executeMany(String sql, List<?> paramSets) {
    return cursor().executeMany(sql, paramSets);
  }
}
