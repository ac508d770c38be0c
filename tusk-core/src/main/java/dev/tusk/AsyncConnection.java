package dev.tusk;

import dev.tusk.errors.Diagnostic;
import dev.tusk.sql.Composable;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.SQL;
import dev.tusk.sql.SqlContext;
import dev.tusk.types.TypeRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The async face of a {@link Connection}: the same connection and engine, with every call that
 * talks to the server returning a {@link CompletableFuture} instead of waiting. No method blocks
 * the calling thread. Concurrent calls pipeline exactly as on the sync face, and both faces may be
 * used together ({@link #sync()}, {@link Connection#async()}).
 *
 * <p>Futures complete on the connection's I/O thread after it has stopped reading responses, so a
 * cheap callback costs no thread hand-off. Callbacks may still block or call the sync face: while
 * one holds the I/O thread, a watchdog lets another thread read the connection's responses (see
 * docs/architecture.md). Cancelling a statement's future ({@code future.cancel(true)}) cancels the
 * statement on the server; it then ends with {@code QueryCanceled}, and the connection stays
 * usable.
 *
 * <pre>{@code
 * Tusk.connectAsync(conninfo)
 *     .thenCompose(conn -> conn.execute("SELECT name FROM item WHERE id = $1", 42))
 *     .thenCompose(AsyncCursor::fetchOne)
 *     .thenAccept(row -> System.out.println(row.getString(0)));
 * }</pre>
 */
public interface AsyncConnection extends AutoCloseable, SqlContext {

  /** Runs a statement with {@code $n} placeholders; see {@link Connection#execute}. */
  CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params);

  /** Runs a statement with {@code :name} placeholders. */
  CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params);

  /** Runs a statement with per-call options (prepare, timeout). */
  CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params);

  /** Runs a statement with {@code :name} placeholders and per-call options. */
  CompletableFuture<AsyncCursor<Row>> execute(Query query, Map<String, ?> params);

  /** Runs a composed statement, rendered for this connection; see {@link Connection}. */
  default CompletableFuture<AsyncCursor<Row>> execute(Composable sql, Object... params) {
    return execute(sql.asString(this), params);
  }

  /** Runs a composed statement with {@code :name} parameters. */
  default CompletableFuture<AsyncCursor<Row>> execute(Composable sql, Map<String, ?> params) {
    return execute(sql.asString(this), params);
  }

  /**
   * Opens a transaction block, completing once it holds the connection (other callers' requests
   * wait until it ends, as for {@link Connection#transaction()}); see {@link AsyncTransaction}.
   */
  default CompletableFuture<AsyncTransaction> transaction() {
    return transaction(TransactionOptions.DEFAULT);
  }

  /** Like {@link #transaction()}, with an isolation level, read-only or deferrable mode. */
  CompletableFuture<AsyncTransaction> transaction(TransactionOptions options);

  /**
   * Starts an explicit pipeline: statements queued through it are sent together at each {@link
   * AsyncPipeline#sync()}, without blocking. Other callers may go on using this connection.
   */
  AsyncPipeline pipeline();

  /**
   * The rows of a query as a {@link Flow.Publisher} with back-pressure: the same as the sync face's
   * {@link Connection#publish(RowFactory, Query, Object...)}, which never blocks the subscriber's
   * thread (rows are read and delivered on a virtual thread of the subscription's own).
   */
  default <R> Flow.Publisher<R> publish(RowFactory<R> rowFactory, Query query, Object... params) {
    return sync().publish(rowFactory, query, params);
  }

  /** Like {@link #publish(RowFactory, Query, Object...)}, with {@code :name} parameters. */
  default <R> Flow.Publisher<R> publish(
      RowFactory<R> rowFactory, Query query, Map<String, ?> params) {
    return sync().publish(rowFactory, query, params);
  }

  /** {@link #publish(RowFactory, Query, Object...)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(String sql, Object... params) {
    return sync().publish(sql, params);
  }

  /** {@link #publish(RowFactory, Query, Map)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(String sql, Map<String, ?> params) {
    return sync().publish(sql, params);
  }

  /** {@link #publish(RowFactory, Query, Object...)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(Query query, Object... params) {
    return sync().publish(query, params);
  }

  /** {@link #publish(RowFactory, Query, Map)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(Query query, Map<String, ?> params) {
    return sync().publish(query, params);
  }

  /** Runs {@code LISTEN channel}, the name quoted as an identifier; see {@link Connection}. */
  default CompletableFuture<Void> listen(String channel) {
    return execute(SQL.of("LISTEN {}").format(Identifier.of(channel))).thenApply(done -> null);
  }

  /** Runs {@code UNLISTEN channel}, the name quoted as an identifier. */
  default CompletableFuture<Void> unlisten(String channel) {
    return execute(SQL.of("UNLISTEN {}").format(Identifier.of(channel))).thenApply(done -> null);
  }

  /** Runs {@code UNLISTEN *}. */
  default CompletableFuture<Void> unlistenAll() {
    return execute("UNLISTEN *").thenApply(done -> null);
  }

  /** Sends a notification through {@code pg_notify}, channel and payload bound. */
  default CompletableFuture<Void> notify(String channel, String payload) {
    return execute("SELECT pg_notify($1, $2)", channel, payload).thenApply(done -> null);
  }

  /**
   * This connection's notifications with futures (psycopg's async {@code notifies()}): {@link
   * AsyncNotifications#next()} completes with the next one, or null once {@code timeout} passes
   * with none (null: never). It collects from its creation on; close it when done.
   */
  default AsyncNotifications notifies(Duration timeout) {
    return new AsyncNotifications(sync(), timeout);
  }

  /** The notifications as a {@link Flow.Publisher}; see {@link Connection#publishNotifications}. */
  default Flow.Publisher<Notification> publishNotifications() {
    return sync().publishNotifications();
  }

  /** Calls {@code handler} with every notification; see {@link Connection}. */
  default void addNotificationHandler(Consumer<Notification> handler) {
    sync().addNotificationHandler(handler);
  }

  /** Stops calling a handler added by {@link #addNotificationHandler}. */
  default void removeNotificationHandler(Consumer<Notification> handler) {
    sync().removeNotificationHandler(handler);
  }

  /**
   * Calls {@code handler} with every notice the server sends this connection, as its full {@link
   * Diagnostic}; see {@link Connection#addNoticeHandler}.
   */
  default void addNoticeHandler(Consumer<Diagnostic> handler) {
    sync().addNoticeHandler(handler);
  }

  /** Stops calling a handler added by {@link #addNoticeHandler}. */
  default void removeNoticeHandler(Consumer<Diagnostic> handler) {
    sync().removeNoticeHandler(handler);
  }

  /**
   * Parses and describes a statement without running it, as {@link Connection#describe(String)}
   * does; completes with its parameters' types and its result columns.
   */
  CompletableFuture<StatementDescription> describe(String sql);

  /** A new cursor producing {@link Row}s. */
  AsyncCursor<Row> cursor();

  /** A new cursor producing rows made by {@code rowFactory}. */
  <R> AsyncCursor<R> cursor(RowFactory<R> rowFactory);

  /** A new server-side cursor named {@code name}; see {@link Connection#cursor(String)}. */
  default AsyncServerCursor<Row> cursor(String name) {
    return cursor(name, RowFactories.row());
  }

  /** Like {@link #cursor(String)}, producing rows made by {@code rowFactory}. */
  <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory);

  /**
   * This connection with {@code rowFactory} as its default: the returned view's {@code execute} and
   * {@code cursor()} make rows with it, typed as such; see {@link Connection#withRowFactory}.
   */
  default <R> AsyncQueries<R> withRowFactory(RowFactory<R> rowFactory) {
    return new AsyncQueries<>(this, rowFactory);
  }

  /**
   * A new cursor that binds on the client, for statements that take no parameters ({@code SET},
   * DDL, {@code DO}); see {@link Connection#clientCursor()}. Never the default.
   */
  default AsyncCursor<Row> clientCursor() {
    return clientCursor(RowFactories.row());
  }

  /** Like {@link #clientCursor()}, producing rows made by {@code rowFactory}. */
  <R> AsyncCursor<R> clientCursor(RowFactory<R> rowFactory);

  /**
   * Runs {@code work} in a transaction on a virtual thread of its own, with exclusive use of the
   * connection, as {@link Connection#inTransaction(Function)} does; completes with its result after
   * the commit, or fails with its exception after the rollback.
   */
  <T> CompletableFuture<T> inTransaction(Function<Connection, T> work);

  /** Like {@link #inTransaction(Function)}, with transaction options. */
  <T> CompletableFuture<T> inTransaction(TransactionOptions options, Function<Connection, T> work);

  /**
   * The two-phase commit identifier {@code (formatId, gtrid, bqual)}; the same as {@link
   * Xid#of(int, String, String)}.
   */
  default Xid xid(int formatId, String gtrid, String bqual) {
    return Xid.of(formatId, gtrid, bqual);
  }

  /**
   * Begins a transaction that will take part in a two-phase commit, as {@link
   * Connection#tpcBegin(Xid)} does; completes once it is open. Fails with {@link
   * dev.tusk.errors.ProgrammingError} if a transaction is open.
   */
  default CompletableFuture<AsyncTwoPhaseTransaction> tpcBegin(Xid xid) {
    return TwoPhaseCommit.begin(FaceConnection.of(this), xid)
        .thenApply(AsyncTwoPhaseTransaction::new);
  }

  /**
   * Commits a prepared transaction by its identifier ({@code COMMIT PREPARED}), whichever
   * connection prepared it; see {@link Connection#tpcCommit(Xid)}.
   */
  default CompletableFuture<Void> tpcCommit(Xid xid) {
    return TwoPhaseCommit.finishPrepared(FaceConnection.of(this), "COMMIT", xid);
  }

  /** Rolls back a prepared transaction by its identifier ({@code ROLLBACK PREPARED}). */
  default CompletableFuture<Void> tpcRollback(Xid xid) {
    return TwoPhaseCommit.finishPrepared(FaceConnection.of(this), "ROLLBACK", xid);
  }

  /** The transactions prepared in this connection's database, oldest first. */
  default CompletableFuture<List<Xid>> tpcRecover() {
    return TwoPhaseCommit.recover(FaceConnection.of(this));
  }

  /**
   * This connection's large objects, with futures. Open ones need a transaction: use {@link
   * AsyncTransaction#largeObjects()} inside a block, or these with autocommit off; see {@link
   * AsyncLargeObjects}.
   */
  default AsyncLargeObjects largeObjects() {
    return new AsyncLargeObjects(FaceConnection.of(this));
  }

  /** Whether each statement commits on its own. */
  boolean autocommit();

  /** Turns autocommit on or off; see {@link Connection#setAutocommit(boolean)}. */
  CompletableFuture<Void> setAutocommit(boolean autocommit);

  /** Commits the open transaction, if any. */
  CompletableFuture<Void> commit();

  /** Rolls back the open transaction, if any. */
  CompletableFuture<Void> rollback();

  /** Asks the server to cancel what this connection runs now. */
  CompletableFuture<Void> cancel();

  /** The server and session this connection is attached to. */
  ConnectionInfo info();

  /** Whether the server has {@code standard_conforming_strings} on; see {@link Connection}. */
  default boolean standardConformingStrings() {
    return "on".equals(info().parameter("standard_conforming_strings"));
  }

  /** The codecs this connection uses (shared with its sync face). */
  TypeRegistry types();

  /** The same connection's sync face. */
  Connection sync();

  /** Whether the connection is closed. */
  boolean closed();

  /** Closes the connection; pending requests fail. Does not wait for the server. */
  @Override
  void close();
}
