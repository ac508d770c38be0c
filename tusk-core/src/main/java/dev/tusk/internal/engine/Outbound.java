package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The write path. Callers append whole messages to one buffer; whoever then finds no other thread
 * writing swaps it with a second buffer and writes that to the socket, on its own thread. Bytes
 * that others append during a write go out in the writer's next round, so concurrent callers'
 * requests coalesce into few writes, and a lone caller writes its own request with no hand-off.
 */
final class Outbound {

  /** What a writer does while the socket takes no more bytes. */
  interface SocketFull {
    /** Returns once the socket may take more bytes (spurious returns are fine). */
    void await() throws IOException;
  }

  /**
   * A buffer grown past this by a large request is replaced after use, to give memory back; below
   * it, batches of thousands of parameter sets reuse the buffer instead of regrowing it each time.
   */
  private static final int RETAINED_CAPACITY = 4 << 20;

  private final Transport transport;
  private final ReentrantLock appendLock = new ReentrantLock();
  // Guarded by appendLock: the buffer callers append to.
  private WriteBuffer filling = new WriteBuffer(8192);

  /** Whether bytes were appended that no writer has taken yet. */
  private volatile boolean appended;

  /** Held by the one thread writing; it owns {@link #sending}. */
  private final ReentrantLock writeLock = new ReentrantLock();

  private WriteBuffer sending = new WriteBuffer(8192);

  Outbound(Transport transport) {
    this.transport = transport;
  }

  /**
   * Appends the messages {@code encoder} writes. If it throws, nothing it wrote is kept, so no half
   * message can reach the server.
   */
  void append(Consumer<WriteBuffer> encoder) {
    appendLock.lock();
    try {
      int start = filling.size();
      try {
        encoder.accept(filling);
      } catch (RuntimeException | Error e) {
        filling.truncate(start);
        throw e;
      }
      if (filling.size() > 0) {
        appended = true;
      }
    } finally {
      appendLock.unlock();
    }
  }

  /** Whether appended bytes wait for a writer. */
  boolean hasAppended() {
    return appended;
  }

  /**
   * Writes everything appended so far, and what others append meanwhile, on this thread; returns at
   * once if another thread is writing, since that thread then writes it. While the socket is full,
   * {@code whileFull} waits (and reads, if it can, so that the server is never stuck writing
   * responses nobody reads). An interrupt does not stop the write, whose half a request would
   * corrupt the stream; the flag is kept.
   */
  void writeAll(SocketFull whileFull) throws IOException {
    boolean interrupted = false;
    try {
      while (appended) {
        if (writeLock.isHeldByCurrentThread()) {
          // Appended while this thread's own write waits for the socket (a CopyFail that routing
          // answered with): the outer write sends it after what it already holds, in order.
          return;
        }
        if (!writeLock.tryLock()) {
          // The writer checks for more after it lets go, so these bytes cannot be stranded.
          return;
        }
        try {
          while (swap()) {
            ByteBuffer bytes = ByteBuffer.wrap(sending.array(), 0, sending.size());
            while (bytes.hasRemaining()) {
              if (transport.write(bytes) == 0) {
                interrupted |= Thread.interrupted();
                whileFull.await();
              }
            }
            sending = sending.array().length > RETAINED_CAPACITY ? new WriteBuffer(8192) : sending;
            sending.clear();
          }
        } finally {
          writeLock.unlock();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes what was appended for writing; false if nothing was. Called by the writer. */
  private boolean swap() {
    appendLock.lock();
    try {
      if (filling.size() == 0) {
        appended = false;
        return false;
      }
      WriteBuffer full = filling;
      filling = sending;
      sending = full;
      appended = false;
      return true;
    } finally {
      appendLock.unlock();
    }
  }
}
