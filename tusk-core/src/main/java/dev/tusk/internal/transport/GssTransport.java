package dev.tusk.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * GSSAPI session encryption over another transport (a socket): every byte in both directions
 * travels in packets of a 4-byte big-endian length and one sealed token (GSSAPI {@code wrap} with
 * confidentiality), as PostgreSQL's {@code be-secure-gssapi.c} and libpq's {@code
 * fe-secure-gssapi.c} frame them. Reads and writes never block, as the {@link Transport} contract
 * demands: a packet that arrives in pieces is kept until it is whole.
 *
 * <p>A packet is at most {@link #MAX_PACKET} bytes, length word included, in both directions: the
 * server refuses a larger one, and so does this side. Reader state ({@code netIn}, {@code appIn})
 * belongs to the one reading thread; the writing side is an {@link OwedCiphertext}, which, as for
 * TLS, reports a write's plaintext as written only once its packet is entirely on the socket.
 */
public final class GssTransport implements Transport {

  /**
   * The largest packet, length word included: PostgreSQL's {@code PQ_GSS_MAX_PACKET_SIZE} (named
   * {@code PQ_GSS_SEND_BUFFER_SIZE} and {@code PQ_GSS_RECV_BUFFER_SIZE} before PostgreSQL 18),
   * which client and server must agree on.
   */
  public static final int MAX_PACKET = 16384;

  /** Seals and unseals with an established security context. */
  public interface Sealer {
    /** One sealed (encrypted) token for {@code plain[offset, offset + length)}. */
    byte[] seal(byte[] plain, int offset, int length) throws IOException;

    /** The plaintext of one token from the server; fails if it was not encrypted or is forged. */
    byte[] unseal(byte[] token, int offset, int length) throws IOException;

    /** Releases the context. */
    void close();
  }

  private final Transport socket;
  private final Sealer sealer;

  /** The most plaintext one packet carries. */
  private final int maxPlaintext;

  /** Packets from the socket not yet unsealed, in write mode. Reader only. */
  private final ByteBuffer netIn = ByteBuffer.allocate(MAX_PACKET);

  /** Plaintext unsealed but not yet delivered, in read mode. Reader only. */
  private ByteBuffer appIn = ByteBuffer.allocate(0);

  /** Whether the socket's stream has ended. Reader only. */
  private boolean inboundDone;

  /** The packet owed to the socket. */
  private final OwedCiphertext out;

  /**
   * @param socket the transport the packets travel on, with nothing buffered from it
   * @param sealer the established context
   * @param maxPlaintext the most plaintext a token of {@code MAX_PACKET - 4} bytes can carry
   */
  public GssTransport(Transport socket, Sealer sealer, int maxPlaintext) {
    if (maxPlaintext <= 0) {
      throw new IllegalArgumentException("no room for plaintext in a GSSAPI packet");
    }
    this.socket = socket;
    this.sealer = sealer;
    this.maxPlaintext = maxPlaintext;
    this.out = new OwedCiphertext(socket, this::seal, ByteBuffer.allocate(0), "GSSAPI");
  }

  /**
   * Delivers the plaintext of as many packets as have arrived whole, up to {@code target}'s room,
   * so that a reader asking for more than one packet's worth does not wait between packets.
   */
  @Override
  public int read(ByteBuffer target) throws IOException {
    int total = 0;
    while (target.hasRemaining()) {
      if (!appIn.hasRemaining()) {
        if (fill() < 0) {
          return total > 0 ? total : -1;
        }
        if (!appIn.hasRemaining()) {
          break; // nothing more has arrived whole
        }
      }
      int count = Math.min(appIn.remaining(), target.remaining());
      target.put(appIn.slice(appIn.position(), count));
      appIn.position(appIn.position() + count);
      total += count;
    }
    return total;
  }

  /**
   * Unseals until plaintext is buffered, reading the socket as far as it has bytes.
   *
   * @return -1 at the end of the stream, else 0 (whether or not plaintext is now buffered)
   */
  private int fill() throws IOException {
    while (true) {
      if (unsealBuffered()) {
        return 0;
      }
      if (inboundDone) {
        return -1;
      }
      int count = socket.read(netIn);
      if (count < 0) {
        // A packet cut short is lost with the connection; the protocol's framing reports it.
        inboundDone = true;
      } else if (count == 0) {
        return 0;
      }
    }
  }

  /** Unseals the whole packets {@code netIn} holds until plaintext is buffered; true if it is. */
  private boolean unsealBuffered() throws IOException {
    while (!appIn.hasRemaining() && netIn.position() >= 4) {
      int length = netIn.getInt(0);
      if (length < 0 || length > MAX_PACKET - 4) {
        throw new GssPacketException(
            "oversize GSSAPI packet sent by the server ("
                + Integer.toUnsignedString(length)
                + " > "
                + (MAX_PACKET - 4)
                + ")");
      }
      if (netIn.position() < 4 + length) {
        return false;
      }
      byte[] plain = sealer.unseal(netIn.array(), 4, length);
      netIn.flip().position(4 + length);
      netIn.compact();
      appIn = ByteBuffer.wrap(plain);
    }
    return appIn.hasRemaining();
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    return out.write(source);
  }

  /**
   * Seals the next packet's worth of {@code source} into one packet, the whole of what is owed (a
   * packet is sealed only once the one before it has left).
   */
  private ByteBuffer seal(ByteBuffer source, ByteBuffer owed) throws IOException {
    int length = Math.min(source.remaining(), maxPlaintext);
    byte[] token;
    if (source.hasArray()) {
      token = sealer.seal(source.array(), source.arrayOffset() + source.position(), length);
    } else {
      byte[] copy = new byte[length];
      source.get(source.position(), copy);
      token = sealer.seal(copy, 0, length);
    }
    if (token.length > MAX_PACKET - 4) {
      throw new GssPacketException(
          "client tried to send oversize GSSAPI packet ("
              + token.length
              + " > "
              + (MAX_PACKET - 4)
              + ")");
    }
    source.position(source.position() + length);
    return ByteBuffer.allocate(4 + token.length).putInt(token.length).put(token).flip();
  }

  @Override
  public int await(int ops, long timeoutNanos) throws IOException {
    int ready = 0;
    if ((ops & READ) != 0 && (inboundDone || unsealBuffered())) {
      // Plaintext is buffered (or the stream has ended): the socket may have nothing more.
      ready |= READ;
    }
    if ((ops & WRITE) != 0 && !out.owing()) {
      ready |= WRITE;
    }
    if (ready != 0) {
      return ready;
    }
    int socketReady = socket.await(ops, timeoutNanos);
    if ((socketReady & WRITE) != 0 && out.owing() && !out.flush()) {
      socketReady &= ~WRITE;
    }
    return socketReady;
  }

  @Override
  public void wakeup() {
    socket.wakeup();
  }

  @Override
  public boolean isOpen() {
    return socket.isOpen();
  }

  @Override
  public void close() {
    socket.close();
    sealer.close();
  }

  @Override
  public String toString() {
    return socket + " (GSSAPI)";
  }
}
