package dev.tusk;

import dev.tusk.errors.InterfaceError;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open large object's calls (a descriptor from {@code lo_open}, with the position the server
 * keeps), written once as futures over either face: {@link LargeObject} and {@link
 * AsyncLargeObject} are its faces. A misuse (a closed object, a negative length) fails the future.
 */
final class LargeObjectDescriptor {

  private final FaceStatements statements;
  private final long oid;
  private final int descriptor;
  private final AtomicBoolean closed = new AtomicBoolean();

  LargeObjectDescriptor(FaceStatements statements, long oid, int descriptor) {
    this.statements = statements;
    this.oid = oid;
    this.descriptor = descriptor;
  }

  long oid() {
    return oid;
  }

  boolean isOpen() {
    return !closed.get();
  }

  CompletableFuture<byte[]> read(int max) {
    if (max < 0) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("cannot read a negative number of bytes: " + max));
    }
    return call("SELECT loread($1, $2)", descriptor, max).thenApply(ran -> ran.first().getBytes(0));
  }

  CompletableFuture<Void> write(byte[] bytes, int offset, int length) {
    byte[] part;
    try {
      part =
          offset == 0 && length == bytes.length
              ? bytes
              : Arrays.copyOfRange(bytes, offset, offset + length);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call("SELECT lowrite($1, $2)", descriptor, part).thenApply(ran -> null);
  }

  CompletableFuture<Long> seek(long offset, LargeObject.Whence whence) {
    return call("SELECT lo_lseek64($1, $2, $3)", descriptor, offset, whence.code)
        .thenApply(ran -> ran.first().getLong(0));
  }

  CompletableFuture<Long> tell() {
    return call("SELECT lo_tell64($1)", descriptor).thenApply(ran -> ran.first().getLong(0));
  }

  /** The size, found by seeking to the end and back to where the position was. */
  CompletableFuture<Long> size() {
    return tell()
        .thenCompose(
            position ->
                seek(0, LargeObject.Whence.END)
                    .thenCompose(
                        size -> seek(position, LargeObject.Whence.START).thenApply(back -> size)));
  }

  CompletableFuture<Void> truncate(long length) {
    return call("SELECT lo_truncate64($1, $2)", descriptor, length).thenApply(ran -> null);
  }

  /** Closes the descriptor ({@code lo_close}); closing twice does nothing. */
  CompletableFuture<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    return statements.run("SELECT lo_close($1)", descriptor).thenApply(ran -> null);
  }

  private CompletableFuture<FaceStatements.Ran> call(String sql, Object... params) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(
          new InterfaceError("the large object " + oid + " is closed"));
    }
    return statements.run(sql, params);
  }
}
