package dev.tusk.pool;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.AsyncServerCursor;
import dev.tusk.AsyncTransaction;
import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import dev.tusk.StatementDescription;
import dev.tusk.TransactionOptions;
import dev.tusk.types.TypeRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The async face of a {@link LentConnection}: every call first checks that the loan still lasts, as
 * the sync face does, so a face kept after the connection went back to the pool raises instead of
 * using a connection that may serve someone else.
 */
final class LentAsyncConnection implements AsyncConnection {

  private final LentConnection lent;

  LentAsyncConnection(LentConnection lent) {
    this.lent = lent;
  }

  private AsyncConnection live() {
    return lent.live().async();
  }

  /** The cursor a statement ran on, checked against this loan from now on. */
  private CompletableFuture<AsyncCursor<Row>> lent(CompletableFuture<AsyncCursor<Row>> ran) {
    return ran.thenApply(cursor -> new LentAsyncCursor<>(lent, cursor));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Object... params) {
    return lent(live().execute(sql, params));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(String sql, Map<String, ?> params) {
    return lent(live().execute(sql, params));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Object... params) {
    return lent(live().execute(query, params));
  }

  @Override
  public CompletableFuture<AsyncCursor<Row>> execute(Query query, Map<String, ?> params) {
    return lent(live().execute(query, params));
  }

  @Override
  public CompletableFuture<StatementDescription> describe(String sql) {
    return live().describe(sql);
  }

  @Override
  public CompletableFuture<AsyncTransaction> transaction(TransactionOptions options) {
    return live().transaction(options);
  }

  @Override
  public AsyncPipeline pipeline() {
    return new LentAsyncPipeline(lent, live().pipeline());
  }

  @Override
  public AsyncCursor<Row> cursor() {
    return new LentAsyncCursor<>(lent, live().cursor());
  }

  @Override
  public <R> AsyncCursor<R> cursor(RowFactory<R> rowFactory) {
    return new LentAsyncCursor<>(lent, live().cursor(rowFactory));
  }

  @Override
  public <R> AsyncServerCursor<R> cursor(String name, RowFactory<R> rowFactory) {
    return lent.opened(live().cursor(name, rowFactory));
  }

  @Override
  public <R> AsyncCursor<R> clientCursor(RowFactory<R> rowFactory) {
    return new LentAsyncCursor<>(lent, live().clientCursor(rowFactory));
  }

  @Override
  public <T> CompletableFuture<T> inTransaction(Function<Connection, T> work) {
    return live().inTransaction(work);
  }

  @Override
  public <T> CompletableFuture<T> inTransaction(
      TransactionOptions options, Function<Connection, T> work) {
    return live().inTransaction(options, work);
  }

  @Override
  public boolean autocommit() {
    return live().autocommit();
  }

  @Override
  public CompletableFuture<Void> setAutocommit(boolean autocommit) {
    return live().setAutocommit(autocommit);
  }

  @Override
  public CompletableFuture<Void> commit() {
    return live().commit();
  }

  @Override
  public CompletableFuture<Void> rollback() {
    return live().rollback();
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return live().cancel();
  }

  @Override
  public ConnectionInfo info() {
    return live().info();
  }

  @Override
  public TypeRegistry types() {
    return live().types();
  }

  @Override
  public Connection sync() {
    return lent;
  }

  @Override
  public boolean closed() {
    return lent.closed();
  }

  /** Gives the connection back to the pool, as closing the sync face does. */
  @Override
  public void close() {
    lent.close();
  }
}
