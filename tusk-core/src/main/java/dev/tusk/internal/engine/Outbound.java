package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The write path. Callers append whole messages to one buffer; whoever then finds no other thread
 * writing swaps it with a second buffer and writes that to the socket, on its own thread. Bytes
 * that others append during a write go out in the writer's next round, so concurrent callers'
 * requests coalesce into few writes, and a lone caller writes its own request with no hand-off.
 *
 * <p><b>Gates.</b> From the moment a {@code COPY ... FROM STDIN} is written until its CopyDone or
 * CopyFail, the server reads everything that arrives as the COPY's data: another caller's request
 * written in between would be a protocol error. So a COPY is appended {@linkplain #appendGated
 * behind a gate}: what others append after it is held, in order, behind the gate, and only its
 * owner {@linkplain #appendOwned appends} (its CopyData). {@link #openGate} appends the owner's end
 * message and then the held bytes. Gates queue: a second COPY appended while one is open is held
 * with the rest, and its own gate opens after it.
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

  /**
   * Guarded by appendLock: the open gates, oldest first, each holding what was appended behind it.
   * While it is empty (nearly always) appends go to {@link #filling}.
   */
  private final ArrayDeque<Gate> gates = new ArrayDeque<>();

  /** A COPY's hold on the write side, and the bytes others appended behind it. */
  private static final class Gate {
    final Object owner;
    final WriteBuffer behind = new WriteBuffer(256);

    /** The thread that last wrote the COPY's data: a request it submits would wait for itself. */
    Thread thread = Thread.currentThread();

    Gate(Object owner) {
      this.owner = owner;
    }
  }

  /** Whether a gate is open: read without the lock when a request ends (almost always false). */
  private volatile boolean gated;

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
      Gate last = gates.peekLast();
      appendTo(last == null ? filling : last.behind, encoder);
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Appends like {@link #append}, then closes a gate behind those bytes that only {@code owner}
   * passes, until {@link #openGate}.
   */
  void appendGated(Consumer<WriteBuffer> encoder, Object owner) {
    appendLock.lock();
    try {
      append(encoder);
      gates.addLast(new Gate(owner));
      gated = true;
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Appends {@code owner}'s messages ahead of everything held behind its gate; false, with nothing
   * appended, if its gate is no longer the first one open (it was opened: the COPY has ended).
   */
  boolean appendOwned(Object owner, Consumer<WriteBuffer> encoder) {
    appendLock.lock();
    try {
      Gate first = gates.peekFirst();
      if (first == null || first.owner != owner) {
        return false;
      }
      first.thread = Thread.currentThread();
      appendTo(filling, encoder);
      return true;
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Opens {@code owner}'s gate, if it is still closed: appends {@code end} (its CopyDone or
   * CopyFail; null for none, when the server has already left COPY mode), then everything held
   * behind the gate. Returns whether the gate was closed and first, so {@code end} was appended. A
   * gate that is not first (its COPY never reached the server) passes its held bytes to the gate
   * before it.
   */
  boolean openGate(Object owner, Consumer<WriteBuffer> end) {
    appendLock.lock();
    try {
      Gate previous = null;
      for (Iterator<Gate> it = gates.iterator(); it.hasNext(); ) {
        Gate gate = it.next();
        if (gate.owner != owner) {
          previous = gate;
          continue;
        }
        it.remove();
        gated = !gates.isEmpty();
        if (previous != null) {
          previous.behind.writeBytes(gate.behind.array(), 0, gate.behind.size());
          return false;
        }
        if (end != null) {
          appendTo(filling, end);
        }
        appendTo(filling, out -> out.writeBytes(gate.behind.array(), 0, gate.behind.size()));
        return true;
      }
      return false;
    } finally {
      appendLock.unlock();
    }
  }

  /** Opens {@code owner}'s gate, if any, without an end message: its request has ended. */
  void requestEnded(Object owner) {
    if (gated) {
      openGate(owner, null);
    }
  }

  /** Records the calling thread as the one writing {@code owner}'s data, if its gate is closed. */
  void claimGate(Object owner) {
    appendLock.lock();
    try {
      for (Gate gate : gates) {
        if (gate.owner == owner) {
          gate.thread = Thread.currentThread();
        }
      }
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Whether the calling thread writes the data of a COPY whose gate is closed: a request it
   * appended now would wait behind the gate for that very thread to end the COPY.
   */
  boolean gatedByCurrentThread() {
    if (!gated) {
      return false;
    }
    appendLock.lock();
    try {
      for (Gate gate : gates) {
        if (gate.thread == Thread.currentThread()) {
          return true;
        }
      }
      return false;
    } finally {
      appendLock.unlock();
    }
  }

  /** Appends to {@code target} under appendLock; keeps nothing if {@code encoder} throws. */
  private void appendTo(WriteBuffer target, Consumer<WriteBuffer> encoder) {
    int start = target.size();
    try {
      encoder.accept(target);
    } catch (RuntimeException | Error e) {
      target.truncate(start);
      throw e;
    }
    if (filling.size() > 0) {
      appended = true;
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
    writeAll(whileFull, false);
  }

  /**
   * Like {@link #writeAll(SocketFull)}, but with {@code wait} a writer busy on another thread is
   * waited for rather than left to take the bytes along: a COPY's owner then never appends faster
   * than the socket takes its data, so its memory stays bounded.
   */
  void writeAll(SocketFull whileFull, boolean wait) throws IOException {
    boolean interrupted = false;
    try {
      while (appended) {
        if (writeLock.isHeldByCurrentThread()) {
          // Appended while this thread's own write waits for the socket (a CopyFail that routing
          // answered with, bytes a gate held): the outer write sends them after what it already
          // holds, in order.
          return;
        }
        if (wait) {
          writeLock.lock();
        } else if (!writeLock.tryLock()) {
          // The writer checks for more after it lets go, so these bytes cannot be stranded.
          return;
        }
        try {
          while (swap()) {
            ByteBuffer bytes = sending.written();
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
