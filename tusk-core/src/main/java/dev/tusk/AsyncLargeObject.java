package dev.tusk;

import java.util.concurrent.CompletableFuture;

/**
 * The async face of {@link LargeObject}: one open large object, whose calls return futures. Each
 * call is a round trip that moves the position the server keeps, so chain them (start a call once
 * the one before has completed). Valid until {@link #close()} or the end of the transaction that
 * opened it; a call on a closed object fails with {@link dev.tusk.errors.InterfaceError}.
 */
public final class AsyncLargeObject {

  private final LargeObjectDescriptor descriptor;

  AsyncLargeObject(LargeObjectDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  /** The large object's OID. */
  public long oid() {
    return descriptor.oid();
  }

  /** Up to {@code max} bytes from the position ({@code loread}); empty at the end. */
  public CompletableFuture<byte[]> read(int max) {
    return descriptor.read(max);
  }

  /** Writes all of {@code bytes} at the position ({@code lowrite}). */
  public CompletableFuture<Void> write(byte[] bytes) {
    return write(bytes, 0, bytes.length);
  }

  /** Writes {@code length} bytes of {@code bytes} from {@code offset} at the position. */
  public CompletableFuture<Void> write(byte[] bytes, int offset, int length) {
    return descriptor.write(bytes, offset, length);
  }

  /** Moves the position ({@code lo_lseek64}); completes with the new one. */
  public CompletableFuture<Long> seek(long offset, LargeObject.Whence whence) {
    return descriptor.seek(offset, whence);
  }

  /** The position ({@code lo_tell64}). */
  public CompletableFuture<Long> tell() {
    return descriptor.tell();
  }

  /** The size in bytes (found by seeking to the end and back). */
  public CompletableFuture<Long> size() {
    return descriptor.size();
  }

  /** Cuts or zero-extends the object to {@code length} bytes ({@code lo_truncate64}). */
  public CompletableFuture<Void> truncate(long length) {
    return descriptor.truncate(length);
  }

  /** Closes the descriptor ({@code lo_close}); closing twice does nothing. */
  public CompletableFuture<Void> close() {
    return descriptor.close();
  }

  @Override
  public String toString() {
    return "AsyncLargeObject[" + oid() + (descriptor.isOpen() ? "" : ", closed") + "]";
  }
}
