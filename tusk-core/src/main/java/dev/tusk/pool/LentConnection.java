package dev.tusk.pool;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Cursor;
import dev.tusk.Notification;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import dev.tusk.ServerCursor;
import dev.tusk.StatementDescription;
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.InterfaceError;
import dev.tusk.types.TypeRegistry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The handle a borrower gets: a {@link Connection} that forwards to the pooled one while the loan
 * lasts. {@link #close()} gives the connection back (a second close does nothing); any other use
 * after that raises {@link InterfaceError}, since the connection may serve someone else by then.
 */
final class LentConnection implements Connection, Loan {

  private final Lender lender;
  private final PoolEntry entry;

  // The server cursors opened through this loan, by any of the borrower's threads; made on the
  // first one, so a loan that opens none (most) allocates no queue.
  private volatile Queue<AutoCloseable> serverCursors;

  private static final VarHandle SERVER_CURSORS;

  static {
    try {
      SERVER_CURSORS =
          MethodHandles.lookup().findVarHandle(LentConnection.class, "serverCursors", Queue.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  LentConnection(Lender lender, PoolEntry entry) {
    this.lender = lender;
    this.entry = entry;
  }

  /** The pooled connection, while this loan lasts; else an InterfaceError naming the pool. */
  Connection live() {
    if (!entry.lentTo(this)) {
      throw new InterfaceError("the connection was returned to pool " + lender.name());
    }
    return entry.connection();
  }

  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    return new LentCursor<>(this, live().execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return new LentCursor<>(this, live().execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(Query query, Object... params) {
    return new LentCursor<>(this, live().execute(query, params));
  }

  @Override
  public Cursor<Row> execute(Query query, Map<String, ?> params) {
    return new LentCursor<>(this, live().execute(query, params));
  }

  @Override
  public TypeRegistry types() {
    return live().types();
  }

  @Override
  public AsyncConnection async() {
    live();
    return new LentAsyncConnection(this);
  }

  @Override
  public Pipeline pipeline() {
    return new LentPipeline(this, live().pipeline());
  }

  @Override
  public Cursor<Row> cursor() {
    return new LentCursor<>(this, live().cursor());
  }

  @Override
  public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
    return new LentCursor<>(this, live().cursor(rowFactory));
  }

  /**
   * A server cursor of the pooled connection, closed when the loan ends if it is still open: a
   * cursor declared {@code WITH HOLD} would otherwise outlive the loan (the pool's reset only ends
   * transactions) and keep its name taken for the next borrower.
   */
  @Override
  public <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
    return opened(live().cursor(name, rowFactory));
  }

  /** Remembers a server cursor of this loan, to close it when the loan ends. */
  <C extends AutoCloseable> C opened(C serverCursor) {
    Queue<AutoCloseable> cursors = serverCursors;
    if (cursors == null) {
      SERVER_CURSORS.compareAndSet(this, null, new ConcurrentLinkedQueue<AutoCloseable>());
      cursors = serverCursors;
    }
    cursors.add(serverCursor);
    return serverCursor;
  }

  /** Closes the loan's server cursors still open (closing a closed one does nothing). */
  private void closeServerCursors() {
    Queue<AutoCloseable> cursors = serverCursors;
    if (cursors == null) {
      return;
    }
    for (AutoCloseable cursor; (cursor = cursors.poll()) != null; ) {
      try {
        cursor.close();
      } catch (Exception e) {
        // The pool's reset and check deal with a connection in trouble; the loan still ends.
      }
    }
  }

  @Override
  public <R> Cursor<R> clientCursor(RowFactory<R> rowFactory) {
    return new LentCursor<>(this, live().clientCursor(rowFactory));
  }

  @Override
  public Transaction transaction() {
    return live().transaction();
  }

  @Override
  public Transaction transaction(TransactionOptions options) {
    return live().transaction(options);
  }

  @Override
  public <T> T inTransaction(Function<Connection, T> work) {
    return live().inTransaction(connection -> work.apply(this));
  }

  @Override
  public <T> T inTransaction(TransactionOptions options, Function<Connection, T> work) {
    return live().inTransaction(options, connection -> work.apply(this));
  }

  @Override
  public boolean autocommit() {
    return live().autocommit();
  }

  @Override
  public void setAutocommit(boolean autocommit) {
    live().setAutocommit(autocommit);
  }

  @Override
  public void commit() {
    live().commit();
  }

  @Override
  public void rollback() {
    live().rollback();
  }

  @Override
  public ConnectionInfo info() {
    return live().info();
  }

  @Override
  public void cancel() {
    live().cancel();
  }

  @Override
  public <R> Flow.Publisher<R> publish(RowFactory<R> rowFactory, Query query, Object... params) {
    return live().publish(rowFactory, query, params);
  }

  @Override
  public <R> Flow.Publisher<R> publish(
      RowFactory<R> rowFactory, Query query, Map<String, ?> params) {
    return live().publish(rowFactory, query, params);
  }

  @Override
  public Flow.Publisher<Notification> publishNotifications() {
    return live().publishNotifications();
  }

  @Override
  public void addNotificationHandler(Consumer<Notification> handler) {
    live().addNotificationHandler(handler);
  }

  @Override
  public void removeNotificationHandler(Consumer<Notification> handler) {
    live().removeNotificationHandler(handler);
  }

  @Override
  public StatementDescription describe(String sql) {
    return live().describe(sql);
  }

  @Override
  public void addNoticeHandler(Consumer<Diagnostic> handler) {
    live().addNoticeHandler(handler);
  }

  @Override
  public void removeNoticeHandler(Consumer<Diagnostic> handler) {
    live().removeNoticeHandler(handler);
  }

  @Override
  public boolean lasts() {
    return entry.lentTo(this);
  }

  @Override
  public String pool() {
    return lender.name();
  }

  /** True once returned, as the borrower can no longer use it. */
  @Override
  public boolean closed() {
    return !entry.lentTo(this) || entry.connection().closed();
  }

  /**
   * Gives the connection back to the pool, after closing the server cursors opened through it;
   * closing again does nothing.
   */
  @Override
  public void close() {
    if (entry.lentTo(this)) {
      closeServerCursors();
    }
    if (entry.endLoan(this)) {
      lender.giveBack(entry);
    }
  }

  @Override
  public String toString() {
    return "connection from pool " + lender.name();
  }
}
