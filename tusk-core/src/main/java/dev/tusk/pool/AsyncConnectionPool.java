package dev.tusk.pool;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.sql.Composable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The async face of a {@link ConnectionPool}: the same pool (its connections, limits, hooks, stats
 * and maintenance), with every call returning a {@link CompletableFuture} instead of waiting. A
 * request that has to wait for a connection waits on a virtual thread, in the pool's FIFO queue, so
 * no caller's thread blocks.
 *
 * <pre>{@code
 * try (AsyncConnectionPool pool = new AsyncConnectionPool(conninfo, PoolOptions.defaults())) {
 *   CompletableFuture<Long> count =
 *       pool.execute("SELECT count(*) FROM item")
 *           .thenCompose(AsyncCursor::fetchOne)
 *           .thenApply(row -> row.getLong(0));
 * }
 * }</pre>
 */
public final class AsyncConnectionPool implements AutoCloseable {

  /** Where waits for a connection happen: one virtual thread per waiting request. */
  private static final ExecutorService WAITERS =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tusk-pool-wait-", 0).factory());

  private final ConnectionPool pool;

  /** A pool of connections to {@code conninfo}, opened as {@code options} say. */
  public AsyncConnectionPool(String conninfo, PoolOptions options) {
    this(new ConnectionPool(conninfo, options));
  }

  /** The async face of {@code pool}, which it then owns (closing one closes both). */
  public AsyncConnectionPool(ConnectionPool pool) {
    this.pool = pool;
  }

  /** The same pool's sync face. */
  public ConnectionPool sync() {
    return pool;
  }

  /** The pool's name. */
  public String name() {
    return pool.name();
  }

  /** Opens the pool; see {@link Pool#open()}. */
  public void open() {
    pool.open();
  }

  /**
   * A connection for the caller's exclusive use, waiting (on a virtual thread, never the caller's)
   * up to the pool's {@code timeout}. Close it, or its {@link AsyncConnection#sync() sync face}, to
   * give it back; {@link #withConnection} does that for you. The future fails with what {@link
   * ConnectionPool#connection()} throws: {@link PoolTimeout}, {@link TooManyRequests}, {@link
   * PoolClosed}.
   */
  public CompletableFuture<AsyncConnection> connection() {
    return lend(pool::connection);
  }

  /** Like {@link #connection()}, waiting at most {@code timeout}. */
  public CompletableFuture<AsyncConnection> connection(Duration timeout) {
    return lend(() -> pool.connection(timeout));
  }

  /**
   * Waits for a connection on a virtual thread. A caller that cancelled (or otherwise completed)
   * the future meanwhile never sees the connection, so it goes straight back to the pool.
   */
  private CompletableFuture<AsyncConnection> lend(Supplier<Connection> take) {
    CompletableFuture<AsyncConnection> lent = new CompletableFuture<>();
    WAITERS.execute(
        () -> {
          try {
            AsyncConnection connection = take.get().async();
            if (!lent.complete(connection)) {
              connection.close();
            }
          } catch (RuntimeException e) {
            lent.completeExceptionally(e);
          }
        });
    return lent;
  }

  /**
   * Runs {@code work} with a connection of its own, returned to the pool once the stage {@code
   * work} returns has completed (either way).
   */
  public <T> CompletableFuture<T> withConnection(
      Function<AsyncConnection, ? extends CompletionStage<T>> work) {
    return connection()
        .thenCompose(
            connection -> {
              CompletionStage<T> stage;
              try {
                stage = work.apply(connection);
              } catch (RuntimeException e) {
                connection.close();
                throw e;
              }
              return stage
                  .toCompletableFuture()
                  .whenComplete((value, failure) -> connection.close());
            });
  }

  /**
   * Runs {@code work} in a transaction on a connection of its own, on a virtual thread; see {@link
   * Pool#inTransaction(Function)}.
   */
  public <T> CompletableFuture<T> inTransaction(Function<Connection, T> work) {
    return CompletableFuture.supplyAsync(() -> pool.inTransaction(work), WAITERS);
  }

  /**
   * Runs one statement (autocommit) on a shared connection, pipelined with other one-shot
   * statements, as {@link ConnectionPool#execute(String, Object...)} does.
   */
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params) {
    return executeShared(connection -> connection.execute(sql, params));
  }

  /** Like {@link #execute(String, Object...)}, with {@code :name} placeholders. */
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params) {
    return executeShared(connection -> connection.execute(sql, params));
  }

  /** Like {@link #execute(String, Object...)}, for a composed statement. */
  public CompletableFuture<AsyncCursor<Row>> execute(Composable sql, Object... params) {
    return executeShared(connection -> connection.execute(sql, params));
  }

  /** Like {@link #execute(Composable, Object...)}, with {@code :name} placeholders. */
  public CompletableFuture<AsyncCursor<Row>> execute(Composable sql, Map<String, ?> params) {
    return executeShared(connection -> connection.execute(sql, params));
  }

  /** Runs one statement on a shared connection, or on one of its own when the pool says so. */
  private CompletableFuture<AsyncCursor<Row>> executeShared(
      Function<AsyncConnection, CompletableFuture<AsyncCursor<Row>>> statement) {
    return pool.executeAsync(
        connection -> statement.apply(connection.async()),
        () -> withConnection(statement).thenApply(LentAsyncCursor::results));
  }

  /** Completes once the pool holds {@code minSize} connections; see {@link Pool#waitReady}. */
  public CompletableFuture<Void> waitReady(Duration timeout) {
    return CompletableFuture.runAsync(() -> pool.waitReady(timeout), WAITERS);
  }

  /** Changes the pool's size limits; see {@link Pool#resize}. */
  public void resize(int minSize, int maxSize) {
    pool.resize(minSize, maxSize);
  }

  /** The pool's statistics; see {@link Pool#stats()}. */
  public Map<String, Long> stats() {
    return pool.stats();
  }

  /** The statistics, resetting the counters; see {@link Pool#popStats()}. */
  public Map<String, Long> popStats() {
    return pool.popStats();
  }

  /** Whether the pool is closed. */
  public boolean closed() {
    return pool.closed();
  }

  /** Closes the pool, waiting up to {@code timeout} for lent connections, on a virtual thread. */
  public CompletableFuture<Void> close(Duration timeout) {
    return CompletableFuture.runAsync(() -> pool.close(timeout), WAITERS);
  }

  /** Closes the pool as {@link ConnectionPool#close()} does (this call waits). */
  @Override
  public void close() {
    pool.close();
  }
}
