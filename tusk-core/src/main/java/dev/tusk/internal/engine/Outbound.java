package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The write path: callers append whole messages to one buffer while a writer thread sends the
 * other. Swapping the two under a short lock batches whatever many callers appended during one
 * write into the next, and callers never touch the socket, so interrupting a caller can never close
 * it.
 */
final class Outbound {

  /**
   * A buffer grown past this by a large request is replaced after use, to give memory back; below
   * it, batches of thousands of parameter sets reuse the buffer instead of regrowing it each time.
   */
  private static final int RETAINED_CAPACITY = 4 << 20;

  private final Transport transport;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition filled = lock.newCondition();
  // Guarded by lock: the buffer callers append to, and whether the writer should stop.
  private WriteBuffer filling = new WriteBuffer(8192);
  private boolean stopping;
  // Owned by the writer thread alone.
  private WriteBuffer sending = new WriteBuffer(8192);

  Outbound(Transport transport) {
    this.transport = transport;
  }

  /**
   * Appends the messages {@code encoder} writes. If it throws, nothing it wrote is kept, so no half
   * message can reach the server.
   */
  void append(Consumer<WriteBuffer> encoder) {
    lock.lock();
    try {
      int start = filling.size();
      try {
        encoder.accept(filling);
      } catch (RuntimeException | Error e) {
        filling.truncate(start);
        throw e;
      }
      if (start == 0 && filling.size() > 0) {
        filled.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Asks the writer to stop once what is already appended has been sent. */
  void stop() {
    lock.lock();
    try {
      stopping = true;
      filled.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The writer thread's loop: sends batches until {@link #stop()} and nothing is left, or the
   * socket fails.
   */
  void runWriter() throws IOException, InterruptedException {
    while (true) {
      lock.lock();
      try {
        while (filling.size() == 0 && !stopping) {
          filled.await();
        }
        if (filling.size() == 0) {
          return;
        }
        WriteBuffer full = filling;
        filling = sending;
        sending = full;
      } finally {
        lock.unlock();
      }
      transport.writeFully(sending.array(), 0, sending.size());
      sending = sending.array().length > RETAINED_CAPACITY ? new WriteBuffer(8192) : sending;
      sending.clear();
    }
  }
}
