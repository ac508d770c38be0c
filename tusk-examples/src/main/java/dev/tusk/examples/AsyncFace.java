package dev.tusk.examples;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.AsyncPipeline;
import dev.tusk.AsyncTransaction;
import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.Tusk;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * docs/async.md's example: a transfer in an async transaction block with a savepoint, and a batch
 * of inserts sent by an async pipeline in one round trip, all without blocking a thread.
 *
 * <p>{@code mvn -q -pl tusk-examples -am package -DskipTests exec:exec
 * -Dexample=dev.tusk.examples.AsyncFace}
 */
public final class AsyncFace {

  private AsyncFace() {}

  public static void main(String[] args) {
    try (Connection conn = Tusk.connect(ExampleDatabase.url())) {
      conn.execute("DROP TABLE IF EXISTS account");
      conn.execute("CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL)");
      AsyncConnection async = conn.async();

      // A batch: one round trip, each statement's cursor once the batch has run.
      AsyncPipeline pipeline = async.pipeline();
      for (int id = 1; id <= 3; id++) {
        pipeline.execute("INSERT INTO account VALUES ($1, $2)", id, 100);
      }
      CompletableFuture<AsyncCursor<Row>> total =
          pipeline.execute("SELECT sum(balance) FROM account");
      pipeline
          .close()
          .thenCompose(synced -> total)
          .thenCompose(AsyncCursor::fetchOne)
          .thenAccept(row -> System.out.println("opening total: " + row.getLong(0)))
          .join();

      // A transfer: both updates or neither; a failed bonus rolls back to its savepoint only.
      async.transaction().thenCompose(tx -> transfer(tx).thenCompose(done -> tx.commit())).join();

      for (Row row : conn.execute("SELECT id, balance FROM account ORDER BY id")) {
        System.out.println("account " + row.getInt(0) + ": " + row.getInt(1));
      }
      conn.execute("DROP TABLE account");
    }
  }

  private static CompletableFuture<Void> transfer(AsyncTransaction tx) {
    tx.execute("UPDATE account SET balance = balance - $1 WHERE id = $2", 30, 1);
    tx.execute("UPDATE account SET balance = balance + $1 WHERE id = $2", 30, 2);
    return tx.savepoint()
        .thenCompose(
            bonus ->
                bonus
                    .execute("INSERT INTO account VALUES ($1, $2)", 2, 5) // a duplicate: fails
                    .handle((inserted, failure) -> failure)
                    .thenCompose(
                        failure -> {
                          Throwable reason =
                              failure instanceof CompletionException wrapped
                                  ? wrapped.getCause()
                                  : failure;
                          System.out.println("bonus refused: " + reason.getClass().getSimpleName());
                          return bonus.rollback();
                        }));
  }
}
