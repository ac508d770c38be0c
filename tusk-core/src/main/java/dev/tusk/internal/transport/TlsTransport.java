package dev.tusk.internal.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * TLS over another transport (a socket), through a non-blocking {@link SSLEngine}: reads and writes
 * never block, as the {@link Transport} contract demands, and waiting is the socket's {@link
 * #await}, which an interrupt ends without closing anything.
 *
 * <p>The handshake runs in {@link #handshake}, on the caller's thread during start-up. Later
 * handshake messages (TLS 1.3 session tickets, key updates) are handled as they arrive: a reply
 * they need is encrypted by the reading thread and owed to the socket until a write or a wait
 * flushes it.
 *
 * <p>Reader state ({@code netIn}, {@code appIn}) belongs to the one reading thread. Everything that
 * encrypts ({@code wrap}) goes through an {@link OwedCiphertext}, whose lock orders the writer and
 * the reader (which wraps too), and which reports a write's plaintext as written only once all of
 * its ciphertext is on the socket.
 */
public final class TlsTransport implements Transport {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final Transport socket;
  private final SSLEngine engine;

  /** Ciphertext from the socket not yet decrypted, in write mode. Reader only. */
  private ByteBuffer netIn;

  /** Plaintext decrypted but not yet delivered, in read mode. Reader only. */
  private ByteBuffer appIn;

  /** Whether the peer's close_notify (or the socket's end) was seen. Reader only. */
  private boolean inboundDone;

  /** The ciphertext owed to the socket. */
  private final OwedCiphertext out;

  private TlsTransport(Transport socket, SSLEngine engine) {
    this.socket = socket;
    this.engine = engine;
    int packet = engine.getSession().getPacketBufferSize();
    this.netIn = ByteBuffer.allocate(packet);
    this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    this.out = new OwedCiphertext(socket, this::wrap, ByteBuffer.allocate(packet).flip(), "TLS");
  }

  /**
   * Runs the TLS handshake over {@code socket}, blocking the calling thread (start-up only).
   *
   * @param engine a client-mode engine, configured and not yet used
   * @throws javax.net.ssl.SSLHandshakeException if the handshake fails (an untrusted certificate,
   *     no common protocol, ...)
   * @throws InterruptedIOException if the thread is interrupted
   */
  public static TlsTransport handshake(Transport socket, SSLEngine engine) throws IOException {
    TlsTransport tls = new TlsTransport(socket, engine);
    tls.runHandshake();
    return tls;
  }

  private void runHandshake() throws IOException {
    engine.beginHandshake();
    while (true) {
      while (out.owing() && !out.flush()) {
        blockingWait(WRITE);
      }
      switch (engine.getHandshakeStatus()) {
        case NEED_WRAP -> answerHandshake();
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          if (unwrapBuffered()) {
            throw new SSLException("the server sent data before the TLS handshake finished");
          }
          HandshakeStatus now = engine.getHandshakeStatus();
          // What was buffered may have finished the handshake: read only if it still needs bytes.
          if (now == HandshakeStatus.NEED_UNWRAP || now == HandshakeStatus.NEED_UNWRAP_AGAIN) {
            readForHandshake();
          }
        }
        case NEED_TASK -> runTasks();
        case FINISHED, NOT_HANDSHAKING -> {
          return;
        }
      }
    }
  }

  private void readForHandshake() throws IOException {
    if (inboundDone) {
      throw new EOFException("the server closed the connection during the TLS handshake");
    }
    int count = socket.read(netIn);
    if (count < 0) {
      inboundDone = true;
    } else if (count == 0) {
      blockingWait(READ);
    }
  }

  private void blockingWait(int ops) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted during the TLS handshake");
    }
    socket.await(ops, 0);
    if (!socket.isOpen()) {
      throw new EOFException("the connection was closed during the TLS handshake");
    }
  }

  /** The server's own certificate, as it presented it in the handshake. */
  public X509Certificate serverCertificate() throws SSLPeerUnverifiedException {
    Certificate[] chain = engine.getSession().getPeerCertificates();
    return (X509Certificate) chain[0];
  }

  /** The ALPN protocol the server chose: empty if it chose none. */
  public String applicationProtocol() {
    String protocol = engine.getApplicationProtocol();
    return protocol == null ? "" : protocol;
  }

  /** The negotiated TLS version, for example {@code TLSv1.3}. */
  public String protocol() {
    return engine.getSession().getProtocol();
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    if (!appIn.hasRemaining() && fill() < 0) {
      return -1;
    }
    int count = Math.min(appIn.remaining(), target.remaining());
    ByteBuffer slice = appIn.slice(appIn.position(), count);
    target.put(slice);
    appIn.position(appIn.position() + count);
    return count;
  }

  /**
   * Decrypts until plaintext is buffered, reading the socket as far as it has bytes.
   *
   * @return -1 at the end of the stream, else 0 (whether or not plaintext is now buffered)
   */
  private int fill() throws IOException {
    while (true) {
      if (unwrapBuffered()) {
        return 0;
      }
      if (inboundDone) {
        return -1;
      }
      int count = socket.read(netIn);
      if (count < 0) {
        endOfStream();
        return -1;
      }
      if (count == 0) {
        return 0;
      }
    }
  }

  /**
   * Decrypts the records {@code netIn} holds into {@code appIn}, which must be empty on entry,
   * answering handshake messages on the way.
   *
   * @return whether plaintext is now buffered
   */
  private boolean unwrapBuffered() throws IOException {
    if (appIn.hasRemaining()) {
      return true;
    }
    while (!inboundDone && netIn.position() > 0) {
      appIn.clear();
      netIn.flip();
      SSLEngineResult result;
      try {
        result = engine.unwrap(netIn, appIn);
      } finally {
        netIn.compact();
        appIn.flip();
      }
      switch (result.getStatus()) {
        case BUFFER_UNDERFLOW -> {
          // Half a record: wait for the rest, with room for the largest one.
          netIn = withCapacity(netIn, engine.getSession().getPacketBufferSize());
          return false;
        }
        case BUFFER_OVERFLOW ->
            appIn =
                ByteBuffer.allocate(
                        Math.max(
                            appIn.capacity() * 2, engine.getSession().getApplicationBufferSize()))
                    .flip();
        case CLOSED -> inboundDone = true;
        case OK -> {
          if (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && !answerHandshake()) {
            // No progress, and nothing for the engine to do first: wait for more bytes.
            return false;
          }
        }
      }
      answerHandshake();
      if (appIn.hasRemaining()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the engine's tasks and encrypts the handshake messages it wants to send (TLS 1.3 key
   * updates after the handshake), then sends what the socket takes now; the rest stays owed.
   *
   * @return whether there was anything to do
   */
  private boolean answerHandshake() throws IOException {
    boolean worked = false;
    while (true) {
      HandshakeStatus status = engine.getHandshakeStatus();
      if (status == HandshakeStatus.NEED_TASK) {
        runTasks();
        worked = true;
      } else if (status == HandshakeStatus.NEED_WRAP) {
        worked = true;
        out.encrypt(EMPTY);
      } else {
        break;
      }
    }
    if (out.owing()) {
      out.flush();
    }
    return worked;
  }

  private void runTasks() {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  private void endOfStream() {
    inboundDone = true;
    try {
      engine.closeInbound();
    } catch (SSLException truncated) {
      // The socket ended without close_notify. The protocol's own framing tells a cut message
      // from a whole one, so this is reported as the end of the stream like any lost connection.
    }
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    return out.write(source);
  }

  /**
   * Encrypts (part of) {@code source}, appending to {@code owed}; under {@link OwedCiphertext}'s
   * lock.
   */
  private ByteBuffer wrap(ByteBuffer source, ByteBuffer owed) throws IOException {
    ByteBuffer netOut = owed;
    while (true) {
      netOut.compact();
      SSLEngineResult result;
      try {
        result = engine.wrap(source, netOut);
      } finally {
        netOut.flip();
      }
      switch (result.getStatus()) {
        case OK -> {
          if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            runTasks();
          }
          return netOut;
        }
        case BUFFER_OVERFLOW -> {
          ByteBuffer larger =
              ByteBuffer.allocate(netOut.remaining() + engine.getSession().getPacketBufferSize());
          netOut = larger.put(netOut).flip();
        }
        case CLOSED -> {
          if (source.hasRemaining()) {
            throw new SSLException("the TLS connection is closed");
          }
          return netOut;
        }
        case BUFFER_UNDERFLOW -> throw new SSLException("TLS wrap reported an underflow");
      }
    }
  }

  @Override
  public int await(int ops, long timeoutNanos) throws IOException {
    int ready = 0;
    if ((ops & READ) != 0 && (inboundDone || unwrapBuffered())) {
      // Plaintext is buffered (or the stream has ended): the socket may have nothing more.
      ready |= READ;
    }
    if ((ops & WRITE) != 0 && !out.owing()) {
      ready |= WRITE;
    }
    if (ready != 0) {
      return ready;
    }
    // Owed ciphertext is flushed by whoever waits, so a reply to a key update never stalls.
    int socketOps = (ops & READ) | (out.owing() ? WRITE : 0);
    int socketReady = socket.await(socketOps, timeoutNanos);
    if ((socketReady & WRITE) != 0 && out.flush()) {
      ready |= ops & WRITE;
    }
    return ready | (socketReady & READ);
  }

  @Override
  public void wakeup() {
    socket.wakeup();
  }

  @Override
  public boolean isOpen() {
    return socket.isOpen();
  }

  /** Sends close_notify if the socket takes it at once, then closes the socket. */
  @Override
  public void close() {
    if (socket.isOpen() && out.tryLock()) {
      try {
        engine.closeOutbound();
        out.encrypt(EMPTY);
        out.flush();
      } catch (IOException | RuntimeException ignored) {
        // Courtesy only: the socket closes either way.
      } finally {
        out.unlock();
      }
    }
    socket.close();
  }

  /** {@code buffer} (in write mode), or a copy with at least {@code capacity} bytes of room. */
  private static ByteBuffer withCapacity(ByteBuffer buffer, int capacity) {
    if (buffer.capacity() >= capacity) {
      return buffer;
    }
    return ByteBuffer.allocate(capacity).put(buffer.flip());
  }

  @Override
  public String toString() {
    return socket + " (TLS)";
  }
}
