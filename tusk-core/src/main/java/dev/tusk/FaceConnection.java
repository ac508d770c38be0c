package dev.tusk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A connection's statements and transaction state, on either face, as futures: {@link
 * TwoPhaseCommit} is written once over this, and {@link TwoPhaseTransaction} and {@link
 * AsyncTwoPhaseTransaction} are its faces. Over the sync face each call runs on the calling thread
 * and returns a completed future, so {@link Futures#join} never waits; over the async face each
 * returns at once and completes when the server answers.
 */
interface FaceConnection extends FaceStatements {

  /** Whether each statement commits on its own. */
  boolean autocommit();

  /** Turns autocommit on or off. */
  CompletableFuture<Void> setAutocommit(boolean autocommit);

  /** Commits the open transaction of autocommit-off mode. */
  CompletableFuture<Void> commit();

  /** Rolls back the open transaction of autocommit-off mode. */
  CompletableFuture<Void> rollback();

  /** The transaction status, as the server last reported it. */
  TransactionStatus transactionStatus();

  @Override
  default boolean inTransaction() {
    return transactionStatus() != TransactionStatus.IDLE;
  }

  /** The sync face's calls, each run now on the calling thread. */
  static FaceConnection of(Connection connection) {
    return new FaceConnection() {
      @Override
      public CompletableFuture<Ran> run(String sql, Object... params) {
        return now(
            () -> {
              Cursor<Row> cursor = connection.execute(sql, params);
              List<Row> rows = cursor.description().isEmpty() ? List.of() : cursor.fetchAll();
              return new Ran(rows, cursor.statusMessage());
            });
      }

      @Override
      public <T> CompletableFuture<T> blocking(Supplier<T> io) {
        return now(io);
      }

      @Override
      public boolean autocommit() {
        return connection.autocommit();
      }

      @Override
      public CompletableFuture<Void> setAutocommit(boolean autocommit) {
        return now(() -> connection.setAutocommit(autocommit));
      }

      @Override
      public CompletableFuture<Void> commit() {
        return now(connection::commit);
      }

      @Override
      public CompletableFuture<Void> rollback() {
        return now(connection::rollback);
      }

      @Override
      public TransactionStatus transactionStatus() {
        return connection.info().transactionStatus();
      }
    };
  }

  /** The async face's calls, none of which blocks the caller. */
  static FaceConnection of(AsyncConnection async) {
    return new FaceConnection() {
      @Override
      public CompletableFuture<Ran> run(String sql, Object... params) {
        return FaceStatements.collected(async.execute(sql, params));
      }

      @Override
      public <T> CompletableFuture<T> blocking(Supplier<T> io) {
        return FaceStatements.offloaded(io);
      }

      @Override
      public boolean autocommit() {
        return async.autocommit();
      }

      @Override
      public CompletableFuture<Void> setAutocommit(boolean autocommit) {
        return async.setAutocommit(autocommit);
      }

      @Override
      public CompletableFuture<Void> commit() {
        return async.commit();
      }

      @Override
      public CompletableFuture<Void> rollback() {
        return async.rollback();
      }

      @Override
      public TransactionStatus transactionStatus() {
        return async.info().transactionStatus();
      }
    };
  }

  /** {@code call}'s value as a completed future, or its exception as a failed one. */
  private static <T> CompletableFuture<T> now(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletableFuture<Void> now(Runnable call) {
    return now(
        () -> {
          call.run();
          return null;
        });
  }
}
