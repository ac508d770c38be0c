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
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection to a PostgreSQL server. Thread-safe: any number of threads (virtual or platform) may
 * use one connection at once; their requests are pipelined on the socket and each caller receives
 * exactly its own results.
 *
 * <p>Transactions are connection state. In autocommit mode (the default) each statement commits on
 * its own. With {@link #setAutocommit(boolean) autocommit off}, the first statement opens a
 * transaction that every caller of this connection shares until {@link #commit()} or {@link
 * #rollback()}. A {@link #transaction()} block instead gives its thread exclusive use of the
 * connection until the block ends: other threads wait.
 */
public interface Connection extends AutoCloseable, SqlContext {

  /**
   * Runs a statement and returns a cursor over its result. Parameters are placeholders {@code $1,
   * $2, ...} (or {@code :name} with {@link #execute(String, Map)}) and are always sent separately
   * from the SQL text, never spliced into it. Without parameters, the text may hold several
   * statements ({@link Cursor#nextSet()} moves between their results).
   */
  Cursor<Row> execute(String sql, Object... params);

  /** Runs a statement with {@code :name} placeholders bound from {@code params}. */
  Cursor<Row> execute(String sql, Map<String, ?> params);

  /**
   * Like {@link #execute(String, Object...)}, with per-call options: {@link Query#withPrepare} and
   * {@link Query#withTimeout}.
   */
  Cursor<Row> execute(Query query, Object... params);

  /** Like {@link #execute(String, Map)}, with per-call options. */
  Cursor<Row> execute(Query query, Map<String, ?> params);

  /**
   * Runs a composed statement ({@link dev.tusk.sql.SQL}, identifiers, literals): renders it for
   * this connection ({@link Composable#asString}) and runs the text with {@code $n} parameters.
   */
  default Cursor<Row> execute(Composable sql, Object... params) {
    return execute(sql.asString(this), params);
  }

  /** Like {@link #execute(Composable, Object...)}, with {@code :name} parameters. */
  default Cursor<Row> execute(Composable sql, Map<String, ?> params) {
    return execute(sql.asString(this), params);
  }

  /**
   * Asks the server to parse and describe a statement with {@code $n} placeholders without running
   * it (Parse and Describe of the unnamed statement, one round trip): its parameters' types, as the
   * server infers them, and its result columns. It opens no transaction; in a failed transaction it
   * fails as any statement does.
   *
   * @throws dev.tusk.errors.ProgrammingError (a {@link dev.tusk.errors.DatabaseError} subclass) if
   *     the server cannot parse it, as running it would
   */
  StatementDescription describe(String sql);

  /**
   * The rows of a query as a {@link Flow.Publisher} with back-pressure (Reactive Streams, for
   * Reactor, Mutiny or RxJava through their {@code Flow} adapters). It is cold: each subscriber
   * gets its own run of the statement, sent at its first {@code request}. Rows are read from the
   * server only as far as the subscriber's demand plus a bounded buffer (about {@value
   * #PUBLISH_BUFFER_ROWS} rows or 8 MiB, twice over at most); while the subscriber asks for no
   * more, TCP holds the server back. Cancelling the subscription cancels the statement on the
   * server if it still runs and drops the rest, so the connection stays usable; so does a
   * subscriber that throws from {@code onNext} (Reactive Streams §2.13), and {@code request(n)}
   * with {@code n <= 0} ends with {@code onError(IllegalArgumentException)}. The statement's error
   * arrives as {@code onError} with its typed exception.
   *
   * <p>Every signal after {@code onSubscribe} comes from a virtual thread of the subscription's
   * own, which also reads the socket for it. While the stream runs, the connection's other requests
   * wait behind it, as they do behind a streaming cursor (see {@link Cursor}): a subscriber that
   * stops requesting holds them up until it requests or cancels. A statement returning no rows
   * fails with {@code ProgrammingError}; a row factory's null (a scalar NULL) ends it with {@code
   * ProgrammingError}, since a publisher may not emit null. See docs/reactive.md.
   */
  <R> Flow.Publisher<R> publish(RowFactory<R> rowFactory, Query query, Object... params);

  /** Like {@link #publish(RowFactory, Query, Object...)}, with {@code :name} parameters. */
  <R> Flow.Publisher<R> publish(RowFactory<R> rowFactory, Query query, Map<String, ?> params);

  /** {@link #publish(RowFactory, Query, Object...)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(String sql, Object... params) {
    return publish(RowFactories.row(), Query.of(sql), params);
  }

  /** {@link #publish(RowFactory, Query, Map)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(String sql, Map<String, ?> params) {
    return publish(RowFactories.row(), Query.of(sql), params);
  }

  /** {@link #publish(RowFactory, Query, Object...)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(Query query, Object... params) {
    return publish(RowFactories.row(), query, params);
  }

  /** {@link #publish(RowFactory, Query, Map)} producing {@link Row}s. */
  default Flow.Publisher<Row> publish(Query query, Map<String, ?> params) {
    return publish(RowFactories.row(), query, params);
  }

  /** Rows a {@link #publish} subscription buffers ahead of its subscriber's demand, at most. */
  int PUBLISH_BUFFER_ROWS = 1000;

  /**
   * Starts an explicit pipeline: statements executed through it are queued without waiting for
   * results and sent together at each {@link Pipeline#sync()}. Other threads may go on using this
   * connection meanwhile.
   */
  Pipeline pipeline();

  /** The same connection's async face: the same session, with methods returning futures. */
  AsyncConnection async();

  /** A new cursor producing {@link Row}s. */
  Cursor<Row> cursor();

  /** A new cursor producing rows made by {@code rowFactory} (see {@link RowFactories}). */
  <R> Cursor<R> cursor(RowFactory<R> rowFactory);

  /**
   * A new server-side cursor named {@code name} (psycopg's {@code conn.cursor(name)}): its {@code
   * execute} declares the cursor on the server, and fetches read the rows from there in batches. A
   * cursor without {@link ServerCursor#withHold(boolean) withHold} needs a transaction ({@link
   * #transaction()} or autocommit off). The name may be any text; it is quoted as an identifier.
   * See {@link ServerCursor}.
   */
  default ServerCursor<Row> cursor(String name) {
    return cursor(name, RowFactories.row());
  }

  /** Like {@link #cursor(String)}, producing rows made by {@code rowFactory}. */
  <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory);

  /**
   * This connection with {@code rowFactory} as its default: the returned view's {@code execute} and
   * {@code cursor()} make rows with it, typed as such, for as long as it is kept (psycopg's {@code
   * row_factory} on a connection). {@code Connection}'s own {@link #execute} keeps making {@link
   * Row}s, so its static type never lies.
   */
  default <R> Queries<R> withRowFactory(RowFactory<R> rowFactory) {
    return new Queries<>(this, rowFactory);
  }

  /**
   * A new cursor that binds on the client, for statements the server cannot give parameters to
   * ({@code SET}, DDL, {@code LISTEN}, {@code DO} blocks): each execute writes its values into the
   * SQL text as literals ({@link dev.tusk.sql.Literal}, through the one quoting routine, for this
   * connection's {@code standard_conforming_strings}) and sends the text without parameters. Never
   * the default; use it only for such statements, since server-side binding is safer and faster.
   * See docs/sql.md.
   */
  default Cursor<Row> clientCursor() {
    return clientCursor(RowFactories.row());
  }

  /** Like {@link #clientCursor()}, producing rows made by {@code rowFactory}. */
  <R> Cursor<R> clientCursor(RowFactory<R> rowFactory);

  /**
   * Starts a transaction, or a savepoint when a transaction is already open, and gives the calling
   * thread exclusive use of this connection until the returned block is closed. Closing it without
   * {@link Transaction#commit()} rolls back.
   */
  Transaction transaction();

  /** Like {@link #transaction()}, with an isolation level, read-only or deferrable mode. */
  Transaction transaction(TransactionOptions options);

  /**
   * Runs {@code work} in a transaction (or savepoint): commits when it returns, rolls back and
   * rethrows when it throws.
   */
  <T> T inTransaction(Function<Connection, T> work);

  /** Like {@link #inTransaction(Function)}, with transaction options. */
  <T> T inTransaction(TransactionOptions options, Function<Connection, T> work);

  /**
   * The two-phase commit identifier {@code (formatId, gtrid, bqual)}: psycopg's {@code xid}; the
   * same as {@link Xid#of(int, String, String)}.
   */
  default Xid xid(int formatId, String gtrid, String bqual) {
    return Xid.of(formatId, gtrid, bqual);
  }

  /**
   * Begins a transaction that will take part in a two-phase commit (psycopg's {@code tpc_begin}).
   * End it with {@link TwoPhaseTransaction#prepare()} and then {@code commit()} or {@code
   * rollback()}, or with a one-phase {@code commit()}.
   *
   * @throws dev.tusk.errors.ProgrammingError if a transaction is open
   */
  default TwoPhaseTransaction tpcBegin(Xid xid) {
    return TwoPhaseTransaction.begin(this, xid);
  }

  /**
   * Commits a prepared transaction by its identifier ({@code COMMIT PREPARED}), whichever
   * connection prepared it: psycopg's {@code tpc_commit(xid)}, for recovery.
   *
   * @throws dev.tusk.errors.ProgrammingError if a transaction is open on this connection
   * @throws dev.tusk.errors.UndefinedObject if no transaction is prepared under this identifier
   */
  default void tpcCommit(Xid xid) {
    TwoPhaseTransaction.finishPrepared(this, "COMMIT", xid);
  }

  /** Rolls back a prepared transaction by its identifier ({@code ROLLBACK PREPARED}). */
  default void tpcRollback(Xid xid) {
    TwoPhaseTransaction.finishPrepared(this, "ROLLBACK", xid);
  }

  /**
   * The transactions prepared in this connection's database and not yet committed or rolled back,
   * oldest first (psycopg's {@code tpc_recover}).
   */
  default List<Xid> tpcRecover() {
    return TwoPhaseTransaction.recover(this);
  }

  /**
   * This connection's large objects: create, open, read and write them in pieces, import and export
   * streams. They need a transaction; see {@link LargeObjects}.
   */
  default LargeObjects largeObjects() {
    return new LargeObjects(this);
  }

  /** Whether each statement commits on its own (true by default). */
  boolean autocommit();

  /**
   * Turns autocommit on or off. Off gives DB-API behaviour: the first statement opens a
   * transaction, ended by {@link #commit()} or {@link #rollback()}. Cannot be changed while a
   * transaction is open.
   */
  void setAutocommit(boolean autocommit);

  /** Commits the open transaction, if any. */
  void commit();

  /** Rolls back the open transaction, if any. */
  void rollback();

  /**
   * The codecs this connection uses: a copy of the global registry ({@link Tusk#types()}) taken
   * when it opened, plus what it learns from its catalog about user-defined types. Registrations
   * here affect this connection's cursors that have not copied it yet, and nothing else.
   */
  TypeRegistry types();

  /** The server and session this connection is attached to. */
  ConnectionInfo info();

  /**
   * Calls {@code handler} with every notification the connection receives (after {@code LISTEN
   * channel}), in the order they arrive, also while the connection is idle: a notification that
   * arrives while no statement runs is read within about 20 ms. Handlers run on the connection's
   * I/O thread, one at a time; a handler that blocks delays later notifications and async callbacks
   * of this connection, never its statements.
   */
  void addNotificationHandler(Consumer<Notification> handler);

  /** Stops calling a handler added by {@link #addNotificationHandler}. */
  void removeNotificationHandler(Consumer<Notification> handler);

  /**
   * Runs {@code LISTEN channel}, the name quoted as an identifier (so any text is a safe channel
   * name, and its case is kept).
   */
  default void listen(String channel) {
    execute(SQL.of("LISTEN {}").format(Identifier.of(channel)));
  }

  /** Runs {@code UNLISTEN channel}, the name quoted as an identifier. */
  default void unlisten(String channel) {
    execute(SQL.of("UNLISTEN {}").format(Identifier.of(channel)));
  }

  /** Runs {@code UNLISTEN *}. */
  default void unlistenAll() {
    execute("UNLISTEN *");
  }

  /** Sends a notification through {@code pg_notify}, channel and payload bound, never spliced. */
  default void notify(String channel, String payload) {
    execute("SELECT pg_notify($1, $2)", channel, payload);
  }

  /**
   * This connection's notifications as a blocking sequence (psycopg's {@code conn.notifies()}):
   * each step waits for the next one; the sequence ends when {@code timeout} passes with none
   * (null: never) or when it is closed. It collects from its creation on: create it before the
   * notifications it should see are sent. See {@link Notifications}.
   */
  default Notifications notifies(Duration timeout) {
    return new Notifications(this, timeout);
  }

  /**
   * This connection's notifications as a hot {@link Flow.Publisher}: each subscriber receives, in
   * order, those that arrive from its subscription on (after {@code LISTEN}, see {@link #listen}).
   * Until the subscriber requests them they wait in a queue of {@link Notifications#CAPACITY} per
   * subscriber; once it is full newer ones are dropped and a warning is logged once, as {@link
   * Notifications} does. {@code onNext} runs on a virtual thread of the subscription's own, so a
   * slow subscriber delays neither the connection nor other subscribers. The subscription ends with
   * {@code onComplete} when the connection is closed, or {@code onError} with the connection's
   * error ({@code AdminShutdown}, {@code ConnectionFailure}...) when it is lost; to survive that,
   * use a {@link Listener}.
   */
  Flow.Publisher<Notification> publishNotifications();

  /**
   * Calls {@code handler} with every notice the server sends this connection ({@code RAISE NOTICE},
   * "table does not exist, skipping"...), as its full {@link Diagnostic}, in the order they arrive.
   * Notices are also logged to the {@code dev.tusk.notice} logger whether or not a handler is
   * added. Handlers run on the connection's I/O thread, as notification handlers do; an {@link
   * InlineNoticeHandler} runs on the reading thread as the notice is read.
   */
  void addNoticeHandler(Consumer<Diagnostic> handler);

  /** Stops calling a handler added by {@link #addNoticeHandler}. */
  void removeNoticeHandler(Consumer<Diagnostic> handler);

  /**
   * Whether the server reads backslashes in {@code '...'} literally ({@code
   * standard_conforming_strings}, as it last reported it). Client-side binding ({@link
   * #clientCursor()}) refuses SQL text with backslashes while it is off.
   */
  default boolean standardConformingStrings() {
    return "on".equals(info().parameter("standard_conforming_strings"));
  }

  /**
   * Asks the server to cancel what this connection runs now, over a separate socket. Returns once
   * the request is sent; the cancelled statement fails with {@code QueryCanceled}.
   */
  void cancel();

  /** Whether the connection is closed, by {@link #close()} or by a lost connection. */
  boolean closed();

  /** Closes the connection. Pending requests fail; closing twice does nothing. */
  @Override
  void close();
}
