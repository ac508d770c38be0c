package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * sslmode=prefer against a server that says yes to SSL and then fails the handshake: as in libpq,
 * Tusk starts over on a new socket in plain text (which prefer permits) rather than fail or, worse,
 * go on in plain text on the socket where it asked for TLS. A local proxy answers 'S' to the first
 * connection's SSLRequest, hangs up during the handshake, and relays the second connection to the
 * real server.
 */
@TuskTest
class SslPreferFallbackTest {

  private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};

  @Test
  @Timeout(30)
  void preferReconnectsInPlainTextWhenTheServerOffersSsl(PostgresServer server) throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> serve(proxy, server, connections));
      String conninfo =
          server.conninfo().replaceAll("host=\\S+", "host=127.0.0.1").replaceAll("port=\\d+", "")
              + " port="
              + proxy.getLocalPort()
              + " sslmode=prefer";
      try (Connection conn = Tusk.connect(conninfo)) {
        assertEquals(42, conn.execute("SELECT 42").fetchOne().getInt(0));
      }
    }
    assertEquals(2, connections.get(), "one socket for the failed handshake, one plain");
  }

  private static void serve(ServerSocket proxy, PostgresServer server, AtomicInteger connections) {
    try {
      try (Socket first = proxy.accept()) {
        connections.incrementAndGet();
        byte[] request = new byte[8];
        new DataInputStream(first.getInputStream()).readFully(request);
        assertArrayEquals(SSL_REQUEST, request);
        first.getOutputStream().write('S');
        first.getOutputStream().flush();
        // The client's ClientHello starts; the proxy hangs up in the middle of the handshake.
        first.getInputStream().read();
      }
      Socket second = proxy.accept();
      connections.incrementAndGet();
      Socket upstream = new Socket(server.host(), server.port());
      Thread.ofVirtual().start(() -> relay(second, upstream));
      relay(upstream, second);
    } catch (IOException e) {
      // The test's own assertions report what went wrong.
    }
  }

  private static void relay(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // One side hung up.
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // Already closed.
      }
    }
  }
}
