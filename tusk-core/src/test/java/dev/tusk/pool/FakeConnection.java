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
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.Diagnostic;
import dev.tusk.types.TypeRegistry;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection with no server, for the pool's unit tests: it counts statements, and its transaction
 * status, autocommit, closed state and whether its server still qualifies for its
 * target_session_attrs are whatever the test sets.
 */
final class FakeConnection implements Connection {

  private static final AtomicInteger PIDS = new AtomicInteger(1000);

  final int pid = PIDS.incrementAndGet();
  final AtomicInteger statements = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();
  volatile TransactionStatus status = TransactionStatus.IDLE;
  volatile boolean autocommit = true;
  volatile boolean closed;
  volatile boolean qualifies = true;
  volatile long statementNanos;

  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    try {
      statements.incrementAndGet();
      if (sql.equals("ROLLBACK")) {
        status = TransactionStatus.IDLE;
      }
      if (statementNanos > 0) {
        LockSupport.parkNanos(statementNanos); // a round trip: the thread waits, unmounted
      }
      return null;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return execute(sql);
  }

  @Override
  public Cursor<Row> execute(Query query, Object... params) {
    return execute(query.sql(), params);
  }

  @Override
  public Cursor<Row> execute(Query query, Map<String, ?> params) {
    return execute(query.sql());
  }

  @Override
  public TypeRegistry types() {
    throw new UnsupportedOperationException();
  }

  @Override
  public AsyncConnection async() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Pipeline pipeline() {
    throw new UnsupportedOperationException();
  }

  /** A cursor whose execute runs on this fake (the pool's one-shots take a cursor). */
  @Override
  @SuppressWarnings("unchecked")
  public Cursor<Row> cursor() {
    return (Cursor<Row>)
        Proxy.newProxyInstance(
            Cursor.class.getClassLoader(),
            new Class<?>[] {Cursor.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "fetchSize" -> proxy;
                  case "execute" -> execute(args[0].toString(), (Object[]) null);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Override
  public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <R> Cursor<R> clientCursor(RowFactory<R> rowFactory) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Transaction transaction() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Transaction transaction(TransactionOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T inTransaction(Function<Connection, T> work) {
    return work.apply(this);
  }

  @Override
  public <T> T inTransaction(TransactionOptions options, Function<Connection, T> work) {
    return work.apply(this);
  }

  @Override
  public boolean autocommit() {
    return autocommit;
  }

  @Override
  public void setAutocommit(boolean value) {
    autocommit = value;
  }

  @Override
  public void commit() {
    status = TransactionStatus.IDLE;
  }

  @Override
  public void rollback() {
    if (!autocommit) {
      status = TransactionStatus.IDLE;
    }
  }

  @Override
  public ConnectionInfo info() {
    return new ConnectionInfo() {
      @Override
      public String host() {
        return "fake";
      }

      @Override
      public int port() {
        return 5432;
      }

      @Override
      public String database() {
        return "fake";
      }

      @Override
      public String user() {
        return "fake";
      }

      @Override
      public int serverVersion() {
        return 170000;
      }

      @Override
      public int backendPid() {
        return pid;
      }

      @Override
      public TransactionStatus transactionStatus() {
        return closed ? TransactionStatus.UNKNOWN : status;
      }

      @Override
      public String parameter(String name) {
        return null;
      }

      @Override
      public Map<String, String> parameters() {
        return Map.of();
      }

      @Override
      public String targetSessionAttrs() {
        return "read-write";
      }

      @Override
      public boolean qualifies() {
        return qualifies;
      }
    };
  }

  @Override
  public <R> Flow.Publisher<R> publish(RowFactory<R> rowFactory, Query query, Object... params) {
    throw new UnsupportedOperationException("the fake connection returns no rows");
  }

  @Override
  public <R> Flow.Publisher<R> publish(
      RowFactory<R> rowFactory, Query query, Map<String, ?> params) {
    throw new UnsupportedOperationException("the fake connection returns no rows");
  }

  @Override
  public Flow.Publisher<Notification> publishNotifications() {
    throw new UnsupportedOperationException("the fake connection receives no notifications");
  }

  @Override
  public void addNotificationHandler(Consumer<Notification> handler) {
    throw new UnsupportedOperationException("the fake connection receives no notifications");
  }

  @Override
  public void removeNotificationHandler(Consumer<Notification> handler) {
    throw new UnsupportedOperationException("the fake connection receives no notifications");
  }

  @Override
  public dev.tusk.StatementDescription describe(String sql) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void addNoticeHandler(Consumer<Diagnostic> handler) {
    throw new UnsupportedOperationException("the fake connection receives no notices");
  }

  @Override
  public void removeNoticeHandler(Consumer<Diagnostic> handler) {
    throw new UnsupportedOperationException("the fake connection receives no notices");
  }

  @Override
  public void cancel() {}

  @Override
  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
