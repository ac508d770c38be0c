package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.Column;
import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Cursor;
import dev.tusk.InlineNoticeHandler;
import dev.tusk.Notification;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.ServerCursor;
import dev.tusk.StatementDescription;
import dev.tusk.Tracer;
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.errors.Diagnostic;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.codec.catalog.TypeCatalog;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.engine.DescribeStatement;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.protocol.NotificationResponse;
import dev.tusk.types.Codec;
import dev.tusk.types.TypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sync {@link Connection}: the public face over a {@link ConnectionCore}, which holds the
 * session and the transaction state.
 */
public final class TuskConnection implements Connection {

  private final Session session;
  private final ConnectionCore core;
  private final ConnectionSettings settings;
  private final Statements statements;
  private final ConnectionInfo info;
  private final TypeScope types;
  private final List<Consumer<Notification>> notificationHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<Diagnostic>> noticeHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<Diagnostic>> inlineNoticeHandlers = new CopyOnWriteArrayList<>();

  TuskConnection(Session session, ConnectionSettings settings, TypeScope global, Tracer<?> tracer) {
    this.session = session;
    this.core = new ConnectionCore(session);
    this.settings = settings;
    this.types = global.forConnection(new TypeCatalog(new ServerCatalog(core)));
    SessionInfo sessionInfo = new SessionInfo(session, settings);
    this.info = sessionInfo;
    this.statements = new Statements(core, settings.statements(), new Tracing(tracer, sessionInfo));
    session.events().onNotification(this::notified);
    session.events().onNotice(this::noticed);
  }

  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    return cursor().execute(sql, params);
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return cursor().execute(sql, params);
  }

  @Override
  public Cursor<Row> execute(Query query, Object... params) {
    return cursor().execute(query, params);
  }

  @Override
  public Cursor<Row> execute(Query query, Map<String, ?> params) {
    return cursor().execute(query, params);
  }

  @Override
  public <R> Flow.Publisher<R> publish(RowFactory<R> rowFactory, Query query, Object... params) {
    Object[] values = params == null ? new Object[0] : params;
    return new QueryPublisher<>(
        statements, types, rowFactory, query, values, null, threadName("publish"), this::closed);
  }

  @Override
  public <R> Flow.Publisher<R> publish(
      RowFactory<R> rowFactory, Query query, Map<String, ?> params) {
    Map<String, ?> values = params == null ? Map.of() : params;
    return new QueryPublisher<>(
        statements, types, rowFactory, query, null, values, threadName("publish"), this::closed);
  }

  @Override
  public Flow.Publisher<Notification> publishNotifications() {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams §1.9
      new NotificationSubscription(subscriber, threadName("notifications"), this).start();
    };
  }

  private String threadName(String job) {
    return "tusk-" + session.processId() + "-" + job;
  }

  @Override
  public AsyncConnection async() {
    return new TuskAsyncConnection(this, core, session, statements, types);
  }

  @Override
  public StatementDescription describe(String sql) {
    Objects.requireNonNull(sql, "sql");
    return description(core.run(new DescribeStatement(sql)));
  }

  /** What the server said of a described statement, with this connection's type names. */
  StatementDescription description(DescribeStatement.Described described) {
    int[] oids = described.parameterTypes();
    Codec<?>[] codecs = types.codecsFor(oids);
    List<Column> parameters = new ArrayList<>(oids.length);
    for (int i = 0; i < oids.length; i++) {
      parameters.add(new Column("$" + (i + 1), oids[i], codecs[i].typeName(), -1, 0, 0));
    }
    return new StatementDescription(
        parameters, ResultColumns.of(described.columns(), types).columns());
  }

  @Override
  public Pipeline pipeline() {
    return new TuskPipeline(core, statements, types);
  }

  @Override
  public Cursor<Row> cursor() {
    return cursor(RowFactories.row());
  }

  @Override
  public <R> Cursor<R> cursor(RowFactory<R> rowFactory) {
    return new TuskCursor<>(statements, types, rowFactory, null);
  }

  @Override
  public <R> ServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
    return new TuskServerCursor<>(
        new ServerCursorState<>(name, statements, core, types, rowFactory),
        new ServerCursorRequests(core, statements));
  }

  @Override
  public <R> Cursor<R> clientCursor(RowFactory<R> rowFactory) {
    return new ClientCursor<>(
        cursor(rowFactory), new ClientBinding(this, this::standardConformingStrings));
  }

  @Override
  public TypeRegistry types() {
    return types;
  }

  @Override
  public Transaction transaction() {
    return transaction(TransactionOptions.DEFAULT);
  }

  @Override
  public Transaction transaction(TransactionOptions options) {
    return core.transaction(options);
  }

  @Override
  public <T> T inTransaction(Function<Connection, T> work) {
    return inTransaction(TransactionOptions.DEFAULT, work);
  }

  @Override
  public <T> T inTransaction(TransactionOptions options, Function<Connection, T> work) {
    try (Transaction transaction = transaction(options)) {
      T result = work.apply(this);
      transaction.commit();
      return result;
    }
  }

  @Override
  public boolean autocommit() {
    return core.autocommit();
  }

  @Override
  public void setAutocommit(boolean value) {
    core.setAutocommit(value);
  }

  @Override
  public void commit() {
    core.endImplicitTransaction("COMMIT");
  }

  @Override
  public void rollback() {
    core.endImplicitTransaction("ROLLBACK");
  }

  @Override
  public ConnectionInfo info() {
    return info;
  }

  @Override
  public void addNotificationHandler(Consumer<Notification> handler) {
    notificationHandlers.add(Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public void removeNotificationHandler(Consumer<Notification> handler) {
    notificationHandlers.remove(handler);
  }

  @Override
  public void addNoticeHandler(Consumer<Diagnostic> handler) {
    Objects.requireNonNull(handler, "handler");
    (handler instanceof InlineNoticeHandler ? inlineNoticeHandlers : noticeHandlers).add(handler);
  }

  @Override
  public void removeNoticeHandler(Consumer<Diagnostic> handler) {
    noticeHandlers.remove(handler);
    inlineNoticeHandlers.remove(handler);
  }

  /**
   * Hands a notice to the inline handlers at once, on the reading thread, then to the others on the
   * I/O thread (the reader must not run them).
   */
  private void noticed(Diagnostic notice) {
    for (Consumer<Diagnostic> handler : inlineNoticeHandlers) {
      try {
        handler.accept(notice);
      } catch (RuntimeException e) {
        System.getLogger("dev.tusk.notice")
            .log(System.Logger.Level.WARNING, "an inline notice handler failed", e);
      }
    }
    if (!noticeHandlers.isEmpty()) {
      session.deliver(() -> noticeHandlers.forEach(handler -> handler.accept(notice)));
    }
  }

  /** Hands a notification to the handlers, on the I/O thread (the reader must not run them). */
  private void notified(NotificationResponse message) {
    if (notificationHandlers.isEmpty()) {
      return;
    }
    Notification notification =
        new Notification(message.processId(), message.channel(), message.payload());
    session.deliver(() -> notificationHandlers.forEach(handler -> handler.accept(notification)));
  }

  @Override
  public void cancel() {
    session.cancel();
  }

  @Override
  public boolean closed() {
    return session.isClosed();
  }

  @Override
  public void close() {
    ConnectionEvents.close(session, settings);
  }

  @Override
  public String toString() {
    return "Connection[" + info + (closed() ? ", closed" : "") + "]";
  }
}
