package dev.tusk.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

/**
 * One open connection to a server: a plain socket (TCP or Unix-domain), later TLS over one, or an
 * in-memory pipe in tests.
 *
 * <p>Reads and writes never block: a caller that must wait calls {@link #await}, which an interrupt
 * ends early <em>without</em> closing the transport. That is what lets the threads that call the
 * driver do its I/O themselves: an interrupted virtual thread blocked in a plain socket read would
 * close the socket and lose the connection.
 *
 * <p>At most one thread reads (and awaits {@link #READ}) at a time, and at most one writes; they
 * may be different threads. The engine guarantees both.
 */
public interface Transport extends AutoCloseable {

  /** Ready to read: bytes (or the end of the stream) have arrived. */
  int READ = 1;

  /** Ready to write: the socket takes more bytes. */
  int WRITE = 2;

  /**
   * Reads what has arrived into {@code target} without blocking.
   *
   * @return the number of bytes read, 0 if none has arrived, -1 at the end of the stream
   */
  int read(ByteBuffer target) throws IOException;

  /**
   * Writes what the socket takes now from {@code source} without blocking.
   *
   * @return the number of bytes taken, possibly 0
   */
  int write(ByteBuffer source) throws IOException;

  /**
   * Blocks until one of {@code ops} ({@link #READ}, {@link #WRITE} or both) may make progress, the
   * timeout passes, the transport is closed or the thread is interrupted (whose flag stays set).
   * Spurious returns are allowed: callers retry their read or write.
   *
   * @param timeoutNanos how long to wait at most; 0 or less waits without limit
   * @return the operations that are ready, possibly none
   * @throws IOException if the transport is closed
   */
  int await(int ops, long timeoutNanos) throws IOException;

  /** Makes a thread in {@link #await} for {@link #READ} return now (a spurious return). */
  void wakeup();

  /** Whether the transport is still open. */
  boolean isOpen();

  /** Closes the transport; a thread in {@link #await} returns, and its next read or write fails. */
  @Override
  void close();

  /**
   * Writes all of {@code bytes[offset, offset + length)}, waiting as needed: for start-up and other
   * exchanges where nothing else shares the transport.
   *
   * @throws InterruptedIOException if the thread is interrupted while it waits
   */
  default void writeFully(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer source = ByteBuffer.wrap(bytes, offset, length);
    while (source.hasRemaining()) {
      if (write(source) == 0) {
        awaitUninterrupted(WRITE);
      }
    }
  }

  /**
   * A blocking stream over this transport, for start-up and other exchanges where nothing else
   * shares the transport; an interrupt ends a wait with {@code InterruptedIOException}.
   */
  default InputStream blockingInput() {
    return new TransportInput(this);
  }

  private void awaitUninterrupted(int ops) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted while waiting for the server");
    }
    await(ops, 0);
    if (!isOpen()) {
      throw new EOFException("the connection was closed");
    }
  }
}
