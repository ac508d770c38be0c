package dev.tusk;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.NoActiveSqlTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * A connection's large objects (create, open, unlink, import, export), written once as futures over
 * either face: {@link LargeObjects} and {@link AsyncLargeObjects} are its faces. Import and export
 * move {@link #CHUNK} bytes per round trip and hold one chunk at a time.
 */
final class LargeObjectStore {

  /** Bytes moved per round trip by the streams, import and export. */
  static final int CHUNK = 1 << 20;

  private final FaceStatements statements;

  LargeObjectStore(FaceStatements statements) {
    this.statements = statements;
  }

  /** {@code lo_creat}: a new empty large object's OID. */
  CompletableFuture<Long> create() {
    return statements.run("SELECT lo_creat(-1)").thenApply(ran -> ran.first().getLong(0));
  }

  /** {@code lo_open}, refused outside a transaction, which would close it at once. */
  CompletableFuture<LargeObjectDescriptor> open(long oid, LargeObjects.Mode mode) {
    return statements
        .run("SELECT lo_open($1::oid, $2)", oid, mode.flags)
        .thenApply(
            ran -> {
              if (!statements.inTransaction()) {
                // Autocommit: the transaction that opened it has ended, and closed it.
                throw new NoActiveSqlTransaction(
                    Diagnostic.client(
                        NoActiveSqlTransaction.SQLSTATE,
                        "large objects can be used only inside a transaction, which closes them"
                            + " when it ends: open one with conn.transaction() (or turn"
                            + " autocommit off) first"));
              }
              return new LargeObjectDescriptor(statements, oid, ran.first().getInt(0));
            });
  }

  /** {@code lo_unlink}. */
  CompletableFuture<Void> unlink(long oid) {
    return statements.run("SELECT lo_unlink($1::oid)", oid).thenApply(ran -> null);
  }

  /** A new large object holding all of {@code in}, read a chunk at a time; the OID. */
  CompletableFuture<Long> importFrom(InputStream in) {
    return create()
        .thenCompose(
            oid ->
                open(oid, LargeObjects.Mode.WRITE)
                    .thenCompose(object -> Futures.ensure(copy(in, object), object::close))
                    .thenApply(copied -> oid));
  }

  /** Writes all of the large object {@code oid} to {@code out}, a chunk at a time. */
  CompletableFuture<Void> exportTo(long oid, OutputStream out) {
    return open(oid, LargeObjects.Mode.READ)
        .thenCompose(object -> Futures.ensure(copy(object, out), object::close));
  }

  private CompletableFuture<Void> copy(InputStream in, LargeObjectDescriptor object) {
    byte[] chunk = new byte[CHUNK];
    // Each chunk is written before the next is read into the same array.
    return Futures.loop(
        () ->
            statements
                .blocking(() -> readChunk(in, chunk))
                .thenCompose(
                    n ->
                        n == 0
                            ? CompletableFuture.completedFuture(false)
                            : object.write(chunk, 0, n).thenApply(written -> true)));
  }

  private CompletableFuture<Void> copy(LargeObjectDescriptor object, OutputStream out) {
    return Futures.loop(
        () ->
            object
                .read(CHUNK)
                .thenCompose(
                    bytes ->
                        bytes.length == 0
                            ? CompletableFuture.completedFuture(false)
                            : statements.blocking(() -> writeChunk(out, bytes))));
  }

  private static int readChunk(InputStream in, byte[] chunk) {
    try {
      return in.readNBytes(chunk, 0, chunk.length);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the stream to import failed", e);
    }
  }

  private static boolean writeChunk(OutputStream out, byte[] bytes) {
    try {
      out.write(bytes);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the exported large object failed", e);
    }
  }
}
