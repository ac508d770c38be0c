package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.AsyncServerCursor;
import dev.tusk.AsyncTransaction;
import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.StatementDescription;
import dev.tusk.TransactionOptions;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.DescribeStatement;
import dev.tusk.internal.engine.Session;
import dev.tusk.types.TypeRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The async face of a {@link TuskConnection}. Statements go through the shared engine without
 * blocking; the calls that manage transaction state (which may wait for another thread's
 * transaction block) run the sync face's call on a virtual thread.
 */
final class TuskAsyncConnection implements AsyncConnection {

  private final TuskConnection connection;
  private final ConnectionCore core;
  private final Session session;
  private final Statements statements;
  private final TypeScope types;

  TuskAsyncConnection(
      TuskConnection connection,
      ConnectionCore core,
      Session session,
      Statements statements,
      TypeScope types) {
    this.connection = connection;
    this.core = core;
    this.session = session;
    this.statements = statements;
    this.types = types;
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params) {
    return cursor().execute(sql, params);
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params) {
    return cursor().execute(sql, params);
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params) {
    return cursor().execute(query, params);
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Map<String, ?> params) {
    return cursor().execute(query, params);
  }

  @Override
  public <R> AsyncCursor<R> clientCursor(RowFactory<R> rowFactory) {
    return new AsyncClientCursor<>(
        cursor(rowFactory), new ClientBinding(this, this::standardConformingStrings));
  }

  @Override
  public CompletableFuture<StatementDescription> describe(String sql) {
    Objects.requireNonNull(sql, "sql");
    DescribeStatement described = new DescribeStatement(sql);
    return Asynchronous.start(
            session,
            () -> {
              session.submit(described);
              return Asynchronous.outcome(session, described, null);
            })
        .thenApply(connection::description);
  }

  @Override
  public CompletableFuture<AsyncTransaction> transaction(TransactionOptions options) {
    return TuskAsyncTransaction.begin(core, this, options);
  }

  @Override
  public AsyncPipeline pipeline() {
    return new TuskAsyncPipeline(session, statements, types);
  }

  @Override
  public AsyncCursor<Row> cursor() {
    return cursor(RowFactories.row());
  }

  @Override
  public <R> AsyncCursor<R> cursor(RowFactory<R> rowFactory) {
    return new TuskAsyncCursor<>(session, statements, types, rowFactory);
  }

  @Override
  public <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
    return new TuskAsyncServerCursor<>(
        new ServerCursorState<>(name, statements, core, types, rowFactory),
        new ServerCursorRequests(core, statements));
  }

  /**
   * A server cursor whose requests queue through {@code submitter}: an async transaction's owner
   * thread, which holds the session for its block.
   */
  <R> AsyncServerCursor<R> cursor(
      String name, RowFactory<R> rowFactory, ServerCursorRequests.Submitter submitter) {
    return new TuskAsyncServerCursor<>(
        new ServerCursorState<>(name, statements, core, types, rowFactory).ofTransactionBlock(),
        new ServerCursorRequests(core, statements),
        submitter);
  }

  @Override
  public <T> CompletableFuture<T> inTransaction(Function<Connection, T> work) {
    return Asynchronous.offload(() -> connection.inTransaction(work));
  }

  @Override
  public <T> CompletableFuture<T> inTransaction(
      TransactionOptions options, Function<Connection, T> work) {
    return Asynchronous.offload(() -> connection.inTransaction(options, work));
  }

  @Override
  public boolean autocommit() {
    return connection.autocommit();
  }

  @Override
  public CompletableFuture<Void> setAutocommit(boolean autocommit) {
    return Asynchronous.offload(() -> connection.setAutocommit(autocommit));
  }

  @Override
  public CompletableFuture<Void> commit() {
    return Asynchronous.offload(() -> connection.commit());
  }

  @Override
  public CompletableFuture<Void> rollback() {
    return Asynchronous.offload(() -> connection.rollback());
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return Asynchronous.offload(() -> connection.cancel());
  }

  @Override
  public ConnectionInfo info() {
    return connection.info();
  }

  @Override
  public TypeRegistry types() {
    return types;
  }

  @Override
  public Connection sync() {
    return connection;
  }

  @Override
  public boolean closed() {
    return connection.closed();
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "Async" + connection;
  }
}
