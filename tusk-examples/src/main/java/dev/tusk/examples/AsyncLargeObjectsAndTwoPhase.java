package dev.tusk.examples;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncLargeObjects;
import dev.tusk.LargeObject;
import dev.tusk.LargeObjects;
import dev.tusk.Tusk;
import dev.tusk.Xid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * {@link LargeObjectsAndTwoPhase} on the async face (docs/async.md, docs/large-objects.md): a large
 * object imported, read in pieces and exported inside an async transaction block; a transaction
 * prepared on one connection and committed from another, every step a future.
 *
 * <p>{@code mvn -q -pl tusk-examples -am package -DskipTests exec:exec
 * -Dexample=dev.tusk.examples.AsyncLargeObjectsAndTwoPhase} (two-phase commit needs the server's
 * {@code max_prepared_transactions} above 0, as the embedded server has).
 */
public final class AsyncLargeObjectsAndTwoPhase {

  private AsyncLargeObjectsAndTwoPhase() {}

  public static void main(String[] args) {
    String url = ExampleDatabase.url();
    try (AsyncConnection async = Tusk.connectAsync(url).join()) {
      largeObjects(async).join();
      twoPhaseCommit(async, url).join();
    }
  }

  private static CompletableFuture<Void> largeObjects(AsyncConnection async) {
    byte[] text = "a large object, streamed in chunks".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    // Open large objects live in a transaction: the block's largeObjects() run inside it.
    return async
        .transaction()
        .thenCompose(
            tx -> {
              AsyncLargeObjects objects = tx.largeObjects();
              return objects
                  .importFrom(new ByteArrayInputStream(text)) // read on a virtual thread
                  .thenCompose(
                      oid ->
                          objects
                              .open(oid, LargeObjects.Mode.READ)
                              .thenCompose(
                                  object ->
                                      object
                                          .seek(2, LargeObject.Whence.START)
                                          .thenCompose(at -> object.read(5))
                                          .thenCompose(
                                              bytes -> {
                                                System.out.println(
                                                    "bytes 2..6: "
                                                        + new String(
                                                            bytes, StandardCharsets.UTF_8));
                                                return object.close();
                                              }))
                              .thenCompose(closed -> objects.exportTo(oid, exported))
                              .thenCompose(done -> objects.unlink(oid)))
                  .thenCompose(unlinked -> tx.commit());
            })
        .thenRun(
            () -> System.out.println("exported: " + exported.toString(StandardCharsets.UTF_8)));
  }

  private static CompletableFuture<Void> twoPhaseCommit(AsyncConnection async, String url) {
    // Not a temporary table: a transaction that touched one cannot be prepared.
    Xid xid = async.xid(1, "async-transfer-42", "ledger-db");
    return async
        .execute("CREATE TABLE IF NOT EXISTS ledger_demo (entry text)")
        .thenCompose(created -> async.tpcBegin(xid))
        .thenCompose(
            tpc ->
                async
                    .execute("INSERT INTO ledger_demo VALUES ($1)", "debit 42")
                    .thenCompose(inserted -> tpc.prepare())) // phase one: kept, durably
        .thenCompose(
            prepared ->
                // A transaction manager on another connection, after a crash say.
                Tusk.connectAsync(url)
                    .thenCompose(
                        other ->
                            other
                                .tpcRecover()
                                .thenCompose(
                                    pending -> {
                                      System.out.println("prepared: " + pending);
                                      return other.tpcCommit(xid); // phase two
                                    })
                                .whenComplete((done, failure) -> other.close())))
        .thenCompose(committed -> async.execute("SELECT count(*) FROM ledger_demo"))
        .thenCompose(cursor -> cursor.fetchOne())
        .thenCompose(
            row -> {
              System.out.println("committed rows: " + row.getLong(0));
              return async.execute("DROP TABLE ledger_demo");
            })
        .thenApply(dropped -> null);
  }
}
