package dev.tusk.internal.engine;

import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.transport.SocketTransport;
import dev.tusk.internal.transport.Transport;
import dev.tusk.internal.transport.TransportInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real {@link Transport} over a Unix-domain socket whose far end the test reads, so that the
 * bytes an {@link Outbound} sends can be checked without a server or a seam in the write path.
 */
final class Loopback implements AutoCloseable {

  private final Path directory;
  private final Transport transport;
  private final SocketChannel peer;

  private Loopback(Path directory, Transport transport, SocketChannel peer) {
    this.directory = directory;
    this.transport = transport;
    this.peer = peer;
  }

  static Loopback open() throws IOException {
    Path directory = Files.createTempDirectory("tusk-loopback");
    Path socket = directory.resolve("s");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Transport transport = SocketTransport.unix(socket);
      return new Loopback(directory, transport, server.accept());
    }
  }

  /** A session over this socket, its I/O thread not started: a test drives it. */
  Session session() {
    return session(transport);
  }

  /** Like {@link #session()}, over {@code near}, which wraps {@link #transport()}. */
  Session session(Transport near) {
    TransportInput input = new TransportInput(near);
    return new Session(
        near,
        new BackendMessageReader(input, 1 << 20),
        input,
        new HostPort("localhost", 5432),
        new ServerState(),
        java.time.Duration.ofSeconds(5));
  }

  /** The far end, which the test reads and answers as the server would. */
  SocketChannel peer() {
    return peer;
  }

  /** Sends {@code bytes} from the far end, as the server would. */
  void reply(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      peer.write(buffer);
    }
  }

  Outbound outbound() {
    return new Outbound(transport);
  }

  /** The near end, which the code under test writes to. */
  Transport transport() {
    return transport;
  }

  /**
   * Writes all {@code outbound} holds on this thread, closes the socket and returns every byte that
   * reached the far end.
   */
  byte[] drain(Outbound outbound) throws IOException {
    outbound.writeAll(() -> transport.await(Transport.WRITE, 0));
    transport.close();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    while (peer.read(chunk.clear()) >= 0) {
      received.write(chunk.array(), 0, chunk.position());
    }
    return received.toByteArray();
  }

  @Override
  public void close() throws IOException {
    transport.close();
    peer.close();
    Files.deleteIfExists(directory.resolve("s"));
    Files.deleteIfExists(directory);
  }
}
