package dev.tusk;

import dev.tusk.errors.NoActiveSqlTransaction;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * The async face of {@link LargeObjects}: the same calls, each returning a future instead of
 * waiting. Get one from an async transaction block ({@link AsyncTransaction#largeObjects()}), whose
 * statements it runs, or from {@link AsyncConnection#largeObjects()} with autocommit off: open
 * large objects live only as long as their transaction. {@link #create()} and {@link #unlink(long)}
 * also work in autocommit mode; {@link #open}, {@link #importFrom} and {@link #exportTo} then fail
 * with {@link NoActiveSqlTransaction}.
 *
 * <pre>{@code
 * InputStream in = Files.newInputStream(photo);
 * async.transaction().thenCompose(tx -> tx.largeObjects().importFrom(in)
 *     .thenCompose(oid -> tx.commit().thenApply(committed -> oid)));
 * }</pre>
 *
 * <p>Import and export stream a chunk of 1 MiB per round trip, as the sync face does, and never
 * hold more: the blocking reads of the {@code InputStream} and writes to the {@code OutputStream}
 * run on virtual threads, never on the caller's thread or the connection's I/O thread.
 */
public final class AsyncLargeObjects {

  private final LargeObjectStore store;

  AsyncLargeObjects(FaceStatements statements) {
    this.store = new LargeObjectStore(statements);
  }

  /** Creates an empty large object ({@code lo_creat}); completes with its OID. */
  public CompletableFuture<Long> create() {
    return store.create();
  }

  /**
   * Opens the large object {@code oid} ({@code lo_open}) until {@link AsyncLargeObject#close()} or
   * the end of the transaction. Fails with {@link NoActiveSqlTransaction} outside a transaction,
   * and with {@link dev.tusk.errors.UndefinedObject} if there is no large object {@code oid}.
   */
  public CompletableFuture<AsyncLargeObject> open(long oid, LargeObjects.Mode mode) {
    return store.open(oid, mode).thenApply(AsyncLargeObject::new);
  }

  /** Deletes the large object {@code oid} ({@code lo_unlink}). */
  public CompletableFuture<Void> unlink(long oid) {
    return store.unlink(oid);
  }

  /**
   * Creates a large object holding everything {@code in} holds, read in chunks on a virtual thread;
   * completes with its OID. Does not close {@code in}. Fails with {@link NoActiveSqlTransaction}
   * outside a transaction, and with {@link UncheckedIOException} if reading {@code in} fails.
   */
  public CompletableFuture<Long> importFrom(InputStream in) {
    return store.importFrom(in);
  }

  /**
   * Writes all of the large object {@code oid} to {@code out}, in chunks, on a virtual thread. Does
   * not close {@code out}. Fails with {@link NoActiveSqlTransaction} outside a transaction, and
   * with {@link UncheckedIOException} if writing to {@code out} fails.
   */
  public CompletableFuture<Void> exportTo(long oid, OutputStream out) {
    return store.exportTo(oid, out);
  }
}
