package dev.tusk;

import dev.tusk.sql.Composable;
import dev.tusk.types.TypeRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The async face of a {@link Cursor}. {@code execute} returns at once; its future completes with
 * this cursor once every result has arrived, so the fetch methods then complete at once. Not
 * thread-safe: run one statement at a time on a cursor, and wait for it before the next.
 *
 * @param <R> the type of the rows, chosen by the cursor's {@link RowFactory}
 */
public interface AsyncCursor<R> extends AutoCloseable {

  /** Runs a statement with {@code $n} placeholders. */
  CompletableFuture<AsyncCursor<R>> execute(String sql, Object... params);

  /** Runs a statement with {@code :name} placeholders. */
  CompletableFuture<AsyncCursor<R>> execute(String sql, Map<String, ?> params);

  /** Runs a statement with per-call options (prepare, timeout). */
  CompletableFuture<AsyncCursor<R>> execute(Query query, Object... params);

  /** Runs a statement with {@code :name} placeholders and per-call options. */
  CompletableFuture<AsyncCursor<R>> execute(Query query, Map<String, ?> params);

  /** Runs a composed statement, rendered as {@link Cursor#execute(Composable, Object...)} says. */
  default CompletableFuture<AsyncCursor<R>> execute(Composable sql, Object... params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Runs a composed statement with {@code :name} parameters. */
  default CompletableFuture<AsyncCursor<R>> execute(Composable sql, Map<String, ?> params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Runs one statement once per parameter set, in one round trip; see {@link Cursor}. */
  CompletableFuture<AsyncCursor<R>> executeMany(String sql, List<?> paramSets);

  /** Like {@link #executeMany(String, List)}, with per-call options. */
  CompletableFuture<AsyncCursor<R>> executeMany(Query query, List<?> paramSets);

  /** The next row, or null when there are no more. */
  CompletableFuture<R> fetchOne();

  /** Up to {@code size} next rows. */
  CompletableFuture<List<R>> fetchMany(int size);

  /** All remaining rows. */
  CompletableFuture<List<R>> fetchAll();

  /** The rows the last statement produced or affected, or -1; see {@link Cursor#rowCount()}. */
  long rowCount();

  /** The command tag of the current result, or null. */
  String statusMessage();

  /** The columns of the current result. */
  List<Column> description();

  /** Moves to the next result; returns false when there is none. */
  boolean nextSet();

  /** The codecs this cursor uses; see {@link Cursor#types()}. */
  TypeRegistry types();

  /**
   * Starts a COPY statement, as {@link Cursor#copy(String)}; the future completes once the server
   * has started it. The {@link Copy}'s own calls block the thread that makes them, as {@code
   * InputStream} and {@code OutputStream} do: make them from a virtual thread (or any thread that
   * may wait), not from a callback that runs on the connection's I/O thread. While the COPY takes
   * data, other requests on the connection wait behind it.
   */
  CompletableFuture<Copy> copy(String sql);

  /** Like {@link #copy(String)}, with names composed by {@link dev.tusk.sql}. */
  default CompletableFuture<Copy> copy(Composable sql) {
    return copy(PortableSql.render(sql));
  }

  /** Frees the results. */
  @Override
  void close();
}
