package dev.tusk.internal.engine;

import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

/**
 * The session's bytes from the server as the blocking stream the message reader frames, read by
 * whichever thread holds the session's read role. While nothing has arrived it waits on the
 * transport, which an interrupt wakes without closing the socket, and lets that thread's {@link
 * Patience} act on interrupts and deadlines (a cancel, say) before it waits again.
 */
final class SessionInput extends InputStream {

  /** What the reading thread does about interrupts and deadlines while it waits for the server. */
  interface Patience {
    /** How long the next wait may last before {@link #check()} must run; 0 for no limit. */
    long nanosToNextCheck();

    /** Acts on an interrupt or a passed deadline; throws to give up on the connection. */
    void check() throws IOException;

    /** Bytes arrived: the server is alive. */
    default void progress() {}
  }

  /** Patience of a thread that has no deadline and is never interrupted but at shutdown. */
  static final Patience UNLIMITED =
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

  /** Patience during start-up, on the connecting thread: an interrupt gives up the attempt. */
  static final Patience STARTUP =
      new Patience() {
        @Override
        public long nanosToNextCheck() {
          return 0;
        }

        @Override
        public void check() throws InterruptedIOException {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while connecting");
          }
        }
      };

  private final Transport transport;
  private Patience patience = STARTUP;

  SessionInput(Transport transport) {
    this.transport = transport;
  }

  /** Set by each thread as it takes the read role; returns the previous one, to restore. */
  Patience patience(Patience next) {
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

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    ByteBuffer target = ByteBuffer.wrap(bytes, offset, length);
    while (true) {
      int count = transport.read(target);
      if (count != 0) {
        patience.progress();
        return count;
      }
      transport.await(Transport.READ, patience.nanosToNextCheck());
      patience.check();
    }
  }
}
