package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import dev.tusk.sql.Composable;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * What every Tusk pool offers: exclusive connections, one-shot statements, lifecycle and stats.
 * {@link ConnectionPool} reuses connections; {@link NullConnectionPool} opens one per request.
 *
 * <p>A connection from {@link #connection()} is the caller's alone until closed; closing returns it
 * to the pool, and using it afterwards raises {@link dev.tusk.errors.InterfaceError}.
 */
public interface Pool extends AutoCloseable {

  /** The pool's name, as in logs, errors, JMX and JFR. */
  String name();

  /**
   * Starts the pool: from now on it opens connections (in the background, up to {@code minSize})
   * and serves requests. Opening an open pool does nothing; a closed pool cannot be reopened.
   */
  void open();

  /**
   * A connection for the caller's exclusive use, waiting up to the pool's {@code timeout}. Close it
   * to give it back.
   *
   * @throws PoolTimeout if none became free in time
   * @throws TooManyRequests if {@code maxWaiting} requests already wait
   * @throws PoolClosed if the pool is closed
   */
  Connection connection();

  /** Like {@link #connection()}, waiting at most {@code timeout}. */
  Connection connection(Duration timeout);

  /** Runs {@code work} with a connection of its own and gives the connection back after. */
  default <T> T withConnection(Function<Connection, T> work) {
    try (Connection connection = connection()) {
      return work.apply(connection);
    }
  }

  /**
   * Runs {@code work} in a transaction on a connection of its own: commits when it returns, rolls
   * back and rethrows when it throws.
   */
  default <T> T inTransaction(Function<Connection, T> work) {
    return withConnection(connection -> connection.inTransaction(work));
  }

  /**
   * Runs one statement in autocommit mode and returns its result, fully read. Do not use it for
   * transaction control ({@code BEGIN}, {@code SET}): the connection it runs on may be shared.
   */
  default Cursor<Row> execute(String sql, Object... params) {
    return withConnection(connection -> LentCursor.results(connection.execute(sql, params)));
  }

  /** Like {@link #execute(String, Object...)} with {@code :name} placeholders. */
  default Cursor<Row> execute(String sql, Map<String, ?> params) {
    return withConnection(connection -> LentCursor.results(connection.execute(sql, params)));
  }

  /**
   * Like {@link #execute(String, Object...)} for a composed statement, rendered for the connection
   * that runs it.
   */
  default Cursor<Row> execute(Composable sql, Object... params) {
    return withConnection(connection -> LentCursor.results(connection.execute(sql, params)));
  }

  /** Like {@link #execute(Composable, Object...)} with {@code :name} placeholders. */
  default Cursor<Row> execute(Composable sql, Map<String, ?> params) {
    return withConnection(connection -> LentCursor.results(connection.execute(sql, params)));
  }

  /**
   * This pool with {@code rowFactory} as the default of every loan and one-shot statement made
   * through the returned view (psycopg_pool's {@code kwargs={"row_factory": ...}}); the pool's own
   * methods keep making {@link Row}s.
   */
  default <R> PoolQueries<R> withRowFactory(RowFactory<R> rowFactory) {
    return new PoolQueries<>(
        this, rowFactory, statement -> withConnection(c -> LentCursor.results(statement.apply(c))));
  }

  /**
   * Waits until the pool holds {@code minSize} connections.
   *
   * @throws PoolTimeout if it does not within {@code timeout}; the cause is the last connection
   *     error, if any
   */
  void waitReady(Duration timeout);

  /** Changes the sizes; connections beyond the new maximum close as they become idle. */
  void resize(int minSize, int maxSize);

  /** Checks every idle connection (with the {@code check} hook, else a trivial query) now. */
  void checkAll();

  /**
   * The stats under psycopg_pool's names: gauges {@code pool_min}, {@code pool_max}, {@code
   * pool_size}, {@code pool_available}, {@code requests_waiting}, and counters {@code
   * requests_num}, {@code requests_queued}, {@code requests_wait_ms}, {@code requests_errors},
   * {@code usage_ms}, {@code connections_num}, {@code connections_ms}, {@code connections_errors},
   * {@code connections_lost}, and Tusk's own {@code connections_rerouted} (connections discarded
   * because their server no longer qualified for {@code target_session_attrs}: a failover).
   */
  Map<String, Long> stats();

  /** Like {@link #stats()}, and sets the counters back to zero. */
  Map<String, Long> popStats();

  /** Whether the pool is closed. */
  boolean closed();

  /**
   * Closes the pool, waiting up to 5 seconds for lent connections; see {@link #close(Duration)}.
   */
  @Override
  default void close() {
    close(Duration.ofSeconds(5));
  }

  /**
   * Closes the pool: waiting requests fail with {@link PoolClosed}, idle connections close now,
   * lent ones when given back or, after {@code timeout}, by force. Closing twice does nothing.
   */
  void close(Duration timeout);

  /** A stock {@code check} hook: runs a trivial query, so a dead connection throws. */
  static void checkConnection(Connection connection) {
    connection.execute("SELECT 1").fetchOne();
  }
}
