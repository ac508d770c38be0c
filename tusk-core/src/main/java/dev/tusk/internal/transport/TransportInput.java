package dev.tusk.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

/**
 * A transport's bytes from the server as a blocking stream, for the message reader to frame. While
 * nothing has arrived it waits on the transport, which an interrupt wakes without closing the
 * socket, and lets the reading thread's {@link Patience} act on interrupts and deadlines (a cancel,
 * say) before it waits again. The engine's reader passes from thread to thread; each brings its own
 * patience.
 */
public final class TransportInput extends InputStream {

  /** What the reading thread does about interrupts and deadlines while it waits for the server. */
  public interface Patience {
    /** How long the next wait may last before {@link #check()} must run; 0 for no limit. */
    long nanosToNextCheck();

    /** Acts on an interrupt or a passed deadline; throws to give up on the connection. */
    void check() throws IOException;

    /** Bytes arrived: the server is alive. */
    default void progress() {}
  }

  /** Patience of a thread that has no deadline and is never interrupted but at shutdown. */
  public static final Patience UNLIMITED =
      new Patience() {
        @Override
        public long nanosToNextCheck() {
          return 0;
        }

        @Override
        public void check() {
          // Shutdown closes the transport, which ends the wait with an exception.
        }
      };

  /** Patience of a thread that gives up on an interrupt (start-up, a cancel request). */
  public static final Patience GIVE_UP_ON_INTERRUPT =
      new Patience() {
        @Override
        public long nanosToNextCheck() {
          return 0;
        }

        @Override
        public void check() throws InterruptedIOException {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while waiting for the server");
          }
        }
      };

  private final Transport transport;

  /** Whether the last read found less than it could take: the socket was emptied. */
  private boolean drained;

  /** The last array read into, wrapped once: the reader reads into the same array every time. */
  private ByteBuffer wrapped = ByteBuffer.allocate(0);

  private Patience patience = GIVE_UP_ON_INTERRUPT;

  /**
   * A stream over {@code transport} that gives up on an interrupt until another patience is set.
   */
  public TransportInput(Transport transport) {
    this.transport = transport;
  }

  /** Set by each thread as it takes the read role; returns the previous one, to restore. */
  public Patience patience(Patience next) {
    Patience previous = patience;
    patience = next;
    return previous;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int count = read(one, 0, 1);
    return count < 0 ? -1 : one[0] & 0xFF;
  }

  private ByteBuffer wrap(byte[] bytes, int offset, int length) {
    if (wrapped.array() != bytes) {
      wrapped = ByteBuffer.wrap(bytes);
    }
    return wrapped.limit(offset + length).position(offset);
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    ByteBuffer target = wrap(bytes, offset, length);
    if (drained) {
      // The last read took all that had arrived, so nothing has yet (an answer is still on its
      // way): wait first, rather than pay for a read that finds nothing.
      transport.await(Transport.READ, patience.nanosToNextCheck());
      patience.check();
    }
    while (true) {
      int count = transport.read(target);
      if (count != 0) {
        drained = count > 0 && count < length;
        patience.progress();
        return count;
      }
      transport.await(Transport.READ, patience.nanosToNextCheck());
      patience.check();
    }
  }
}
