package dev.tusk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GSSAPI packet framing without a socket or a KDC: a scripted transport hands over the server's
 * bytes in pieces of any size (a length word split in two, a packet in single bytes, several
 * packets at once) and takes the client's a few bytes at a time; a stand-in sealer marks and
 * reverses the bytes, so a packet unsealed whole and in order is the only way to get them back.
 */
class GssTransportTest {

  private static final int MARK = 0x5A;

  @Test
  void packetsArrivingInPiecesAreUnsealedOnlyWhenWhole() throws IOException {
    byte[] first = "SELECT 1".getBytes();
    byte[] second = new byte[5000];
    new Random(7).nextBytes(second);
    byte[] wire = concat(packet(first), packet(second));
    for (int piece : new int[] {1, 3, 5, 4096, wire.length}) {
      ScriptedSocket socket = new ScriptedSocket(piece, Integer.MAX_VALUE);
      socket.arrive(wire);
      GssTransport gss = new GssTransport(socket, new MarkingSealer(), 1000);
      assertArrayEquals(concat(first, second), readAll(gss, first.length + second.length));
      assertEquals(-1, gss.read(ByteBuffer.allocate(1)), "end of stream after the packets");
    }
  }

  @Test
  void packetsThatArrivedTogetherComeOutInOneRead() throws IOException {
    ScriptedSocket socket = new ScriptedSocket(Integer.MAX_VALUE, Integer.MAX_VALUE);
    socket.arrive(concat(packet("one ".getBytes()), packet("two".getBytes())));
    socket.keepOpen();
    GssTransport gss = new GssTransport(socket, new MarkingSealer(), 1000);
    ByteBuffer target = ByteBuffer.allocate(100);
    assertEquals(7, gss.read(target));
    assertArrayEquals("one two".getBytes(), Arrays.copyOf(target.array(), 7));
    assertEquals(0, gss.read(target), "nothing more has arrived");
  }

  @Test
  void nothingIsDeliveredFromAHalfPacket() throws IOException {
    ScriptedSocket socket = new ScriptedSocket(Integer.MAX_VALUE, Integer.MAX_VALUE);
    byte[] whole = packet("abc".getBytes());
    socket.arrive(Arrays.copyOf(whole, whole.length - 1));
    socket.keepOpen();
    GssTransport gss = new GssTransport(socket, new MarkingSealer(), 1000);
    ByteBuffer target = ByteBuffer.allocate(10);
    assertEquals(0, gss.read(target));
    assertEquals(0, gss.await(Transport.READ, 1), "no plaintext is ready");
    socket.arrive(new byte[] {whole[whole.length - 1]});
    assertEquals(Transport.READ, gss.await(Transport.READ, 1) & Transport.READ);
    assertEquals(3, gss.read(target));
    assertArrayEquals("abc".getBytes(), Arrays.copyOf(target.array(), 3));
  }

  @Test
  void anOversizePacketFromTheServerIsRefusedBeforeItsBodyArrives() {
    ScriptedSocket socket = new ScriptedSocket(Integer.MAX_VALUE, Integer.MAX_VALUE);
    socket.arrive(ByteBuffer.allocate(4).putInt(GssTransport.MAX_PACKET - 3).array());
    socket.keepOpen();
    GssTransport gss = new GssTransport(socket, new MarkingSealer(), 1000);
    var error = assertThrows(GssPacketException.class, () -> gss.read(ByteBuffer.allocate(10)));
    assertTrue(error.getMessage().contains("oversize GSSAPI packet"), error.getMessage());
  }

  @Test
  void aTokenTheSealerRejectsFailsTheRead() throws IOException {
    ScriptedSocket socket = new ScriptedSocket(Integer.MAX_VALUE, Integer.MAX_VALUE);
    byte[] forged = packet("x".getBytes());
    forged[4] = 0; // not the sealer's mark: as if not encrypted
    socket.arrive(forged);
    GssTransport gss = new GssTransport(socket, new MarkingSealer(), 1000);
    var error = assertThrows(IOException.class, () -> gss.read(ByteBuffer.allocate(10)));
    assertTrue(error.getMessage().contains("confidentiality"), error.getMessage());
  }

  @Test
  void writesAreSplitIntoPacketsAndReportedOnlyOnceOnTheSocket() throws IOException {
    byte[] data = new byte[40_000];
    new Random(11).nextBytes(data);
    // The socket takes 7 bytes per call and then is full once: every packet leaves in pieces.
    ScriptedSocket socket = new ScriptedSocket(Integer.MAX_VALUE, 7);
    GssTransport gss = new GssTransport(socket, new MarkingSealer(), 1000);
    ByteBuffer source = ByteBuffer.wrap(data);
    int zeros = 0;
    while (source.hasRemaining()) {
      int before = source.position();
      int written = gss.write(source);
      assertEquals(before + written, source.position(), "the position moves by what is reported");
      if (written == 0) {
        zeros++;
        socket.drain();
      }
    }
    assertTrue(zeros > 0, "the socket was full at times");
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ByteBuffer wire = ByteBuffer.wrap(socket.written());
    int packets = 0;
    while (wire.hasRemaining()) {
      int length = wire.getInt();
      assertTrue(length + 4 <= GssTransport.MAX_PACKET, "packet within the limit");
      byte[] token = new byte[length];
      wire.get(token);
      plain.writeBytes(new MarkingSealer().unseal(token, 0, length));
      packets++;
    }
    assertEquals(40, packets, "1000 bytes of plaintext per packet");
    assertArrayEquals(data, plain.toByteArray());
  }

  @Test
  void aSealedTokenLargerThanThePacketLimitIsRefused() {
    ScriptedSocket socket = new ScriptedSocket(Integer.MAX_VALUE, Integer.MAX_VALUE);
    GssTransport gss = new GssTransport(socket, new MarkingSealer(), GssTransport.MAX_PACKET);
    var error =
        assertThrows(
            GssPacketException.class,
            () -> gss.write(ByteBuffer.wrap(new byte[GssTransport.MAX_PACKET])));
    assertTrue(error.getMessage().contains("oversize"), error.getMessage());
  }

  private static byte[] readAll(Transport transport, int length) throws IOException {
    ByteBuffer target = ByteBuffer.allocate(length);
    int idle = 0;
    while (target.hasRemaining()) {
      int count = transport.read(target);
      assertTrue(count >= 0, "no early end of stream");
      idle = count == 0 ? idle + 1 : 0;
      assertTrue(idle < 10_000, "progress");
    }
    return target.array();
  }

  private static byte[] packet(byte[] plain) throws IOException {
    byte[] token = new MarkingSealer().seal(plain, 0, plain.length);
    return ByteBuffer.allocate(4 + token.length).putInt(token.length).put(token).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** A token is the mark and the plaintext reversed: easy to check, useless to mistake. */
  private static final class MarkingSealer implements GssTransport.Sealer {
    @Override
    public byte[] seal(byte[] plain, int offset, int length) {
      byte[] token = new byte[length + 1];
      token[0] = (byte) MARK;
      for (int i = 0; i < length; i++) {
        token[length - i] = plain[offset + i];
      }
      return token;
    }

    @Override
    public byte[] unseal(byte[] token, int offset, int length) throws IOException {
      if (length == 0 || (token[offset] & 0xFF) != MARK) {
        throw new IOException("incoming GSSAPI message did not use confidentiality");
      }
      byte[] plain = new byte[length - 1];
      for (int i = 0; i < plain.length; i++) {
        plain[i] = token[offset + length - 1 - i];
      }
      return plain;
    }

    @Override
    public void close() {}
  }

  /**
   * Hands over the queued server bytes at most {@code readPiece} per read (then 0 until more
   * arrive, or -1 once the script ends), and takes at most {@code writePiece} bytes per write,
   * after which it is full until drained.
   */
  private static final class ScriptedSocket implements Transport {
    private final int readPiece;
    private final int writePiece;
    private final Deque<Byte> inbound = new ArrayDeque<>();
    private final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
    private boolean open = true;
    private boolean ended = true;
    private boolean full;

    ScriptedSocket(int readPiece, int writePiece) {
      this.readPiece = readPiece;
      this.writePiece = writePiece;
    }

    void arrive(byte[] bytes) {
      for (byte b : bytes) {
        inbound.add(b);
      }
    }

    /** The stream does not end when the queued bytes are read. */
    void keepOpen() {
      ended = false;
    }

    void drain() {
      full = false;
    }

    byte[] written() {
      return outbound.toByteArray();
    }

    @Override
    public int read(ByteBuffer target) {
      if (inbound.isEmpty()) {
        return ended ? -1 : 0;
      }
      int count = 0;
      while (count < readPiece && target.hasRemaining() && !inbound.isEmpty()) {
        target.put(inbound.poll());
        count++;
      }
      return count;
    }

    @Override
    public int write(ByteBuffer source) {
      if (full) {
        return 0;
      }
      int count = Math.min(writePiece, source.remaining());
      byte[] bytes = new byte[count];
      source.get(bytes);
      outbound.writeBytes(bytes);
      full = writePiece != Integer.MAX_VALUE;
      return count;
    }

    @Override
    public int await(int ops, long timeoutNanos) {
      return ((ops & READ) != 0 && !inbound.isEmpty() ? READ : 0)
          | ((ops & WRITE) != 0 && !full ? WRITE : 0);
    }

    @Override
    public void wakeup() {}

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
