package dev.tusk;

import dev.tusk.sql.Composable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The async face of a {@link ServerCursor}, made by {@link AsyncConnection#cursor(String)}: the
 * same statements (DECLARE or a portal, FETCH or Execute, MOVE, CLOSE) and rules, with futures
 * instead of waiting; no method blocks the calling thread. Run one call at a time on a cursor and
 * wait for its future before the next, as for {@link AsyncCursor}. Cancelling a future ({@code
 * future.cancel(true)}) cancels its statement on the server, which then fails with {@code
 * QueryCanceled} and closes the cursor; the connection stays usable.
 *
 * <p>A cursor without hold needs a transaction: on the async face, turn autocommit off ({@link
 * AsyncConnection#setAutocommit(boolean)}) and end it with {@code commit()}, or use {@link
 * #withHold(boolean) withHold(true)}; otherwise {@code execute} fails with {@link
 * dev.tusk.errors.NoActiveSqlTransaction}. Inside an {@link AsyncTransaction}, take the block's own
 * cursor, {@link AsyncTransaction#cursor(String)}: a cursor of the connection would wait for the
 * block to end (the block holds the connection), so do not wait for one inside the block.
 *
 * @param <R> the type of the rows, chosen by the cursor's {@link RowFactory}
 */
public interface AsyncServerCursor<R> extends AutoCloseable {

  /** The cursor's name on the server, as given. */
  String name();

  /** Declares the cursor for {@code sql}; see {@link ServerCursor#execute(String, Object...)}. */
  CompletableFuture<AsyncServerCursor<R>> execute(String sql, Object... params);

  /** Declares the cursor for {@code sql} with {@code :name} placeholders. */
  CompletableFuture<AsyncServerCursor<R>> execute(String sql, Map<String, ?> params);

  /** Declares the cursor with per-call options; the timeout applies to every statement. */
  CompletableFuture<AsyncServerCursor<R>> execute(Query query, Object... params);

  /** Declares the cursor with {@code :name} placeholders and per-call options. */
  CompletableFuture<AsyncServerCursor<R>> execute(Query query, Map<String, ?> params);

  /**
   * Declares the cursor for a composed statement; see {@link ServerCursor#execute(Composable,
   * Object...)}.
   */
  default CompletableFuture<AsyncServerCursor<R>> execute(Composable sql, Object... params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Like {@link #execute(Composable, Object...)}, with {@code :name} parameters. */
  default CompletableFuture<AsyncServerCursor<R>> execute(Composable sql, Map<String, ?> params) {
    return execute(PortableSql.render(sql), params);
  }

  /**
   * Takes over a cursor already open on the server under this name (a refcursor's value); see
   * {@link ServerCursor#attach()}.
   */
  CompletableFuture<AsyncServerCursor<R>> attach();

  /** The next row ({@code FETCH FORWARD 1}), or null at the end. */
  CompletableFuture<R> fetchOne();

  /** Up to {@code size} next rows ({@code FETCH FORWARD size}). */
  CompletableFuture<List<R>> fetchMany(int size);

  /** All remaining rows ({@code FETCH FORWARD ALL}). */
  CompletableFuture<List<R>> fetchAll();

  /**
   * Passes every remaining row to {@code action}, fetching {@link #itersize()} rows per round trip;
   * completes after the last row, or fails with the first error (of a fetch or of the action).
   */
  CompletableFuture<Void> forEach(Consumer<? super R> action);

  /** Moves {@code value} rows from the current position; see {@link ServerCursor#scroll(int)}. */
  default CompletableFuture<Void> scroll(int value) {
    return scroll(value, ServerCursor.Scroll.RELATIVE);
  }

  /** Moves the cursor; see {@link ServerCursor#scroll(int, ServerCursor.Scroll)}. */
  CompletableFuture<Void> scroll(int value, ServerCursor.Scroll mode);

  /** The rows the last FETCH returned or MOVE skipped; see {@link ServerCursor#rowCount()}. */
  long rowCount();

  /** The index of the next row to fetch; see {@link ServerCursor#rowNumber()}. */
  long rowNumber();

  /** The command tag of the last statement, or null. */
  String statusMessage();

  /** The columns, known once {@code execute} has completed. */
  List<Column> description();

  /** Rows fetched per round trip by {@link #forEach}. */
  int itersize();

  /**
   * Sets the rows per round trip of {@link #forEach}, at least 1.
   *
   * @return this cursor
   */
  AsyncServerCursor<R> itersize(int rows);

  /** See {@link ServerCursor#scrollable()}. */
  Boolean scrollable();

  /**
   * See {@link ServerCursor#scrollable(Boolean)}.
   *
   * @return this cursor
   */
  AsyncServerCursor<R> scrollable(Boolean scrollable);

  /** See {@link ServerCursor#withHold()}. */
  boolean withHold();

  /**
   * See {@link ServerCursor#withHold(boolean)}.
   *
   * @return this cursor
   */
  AsyncServerCursor<R> withHold(boolean withHold);

  /** Whether the cursor is closed, by {@link #close()} or by a failed statement. */
  boolean closed();

  /**
   * Closes the cursor, sending {@code CLOSE name} when the server may still hold it; completes once
   * the server has answered. Closing twice does nothing.
   */
  CompletableFuture<Void> closeAsync();

  /**
   * Closes the cursor as {@link #closeAsync()} does, without waiting for the server's answer; an
   * error of the CLOSE is not reported.
   */
  @Override
  void close();
}
