package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Each fault of the proxy, seen from a client of an echo server behind it. */
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class FaultProxyTest {

  private static final byte[] HELLO = {'h', 'e', 'l', 'l', 'o'};

  private ServerSocket echo;
  private FaultProxy proxy;

  @BeforeEach
  void startEchoServerBehindProxy() throws IOException {
    echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::echoEveryConnection);
    proxy = FaultProxy.start("127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void forwardsFaithfullyWithoutFaults() throws IOException {
    try (Socket client = connect()) {
      assertArrayEquals(HELLO, roundTrip(client, HELLO));
    }
  }

  @Test
  void blackHoleKeepsSocketsOpenAndForwardsNothingUntilRestored() throws IOException {
    try (Socket client = connect()) {
      assertArrayEquals(HELLO, roundTrip(client, HELLO));
      proxy.blackHole();
      client.getOutputStream().write(HELLO);
      client.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read());
      assertEquals(2, proxy.openSockets(), "both sides stay open");

      proxy.restore();
      client.setSoTimeout(5000);
      assertArrayEquals(HELLO, roundTrip(client, HELLO), "what the hole swallowed is gone");
    }
  }

  @Test
  void delayHoldsEachChunk() throws IOException {
    try (Socket client = connect()) {
      proxy.delay(Duration.ofMillis(200));
      long start = System.nanoTime();
      assertArrayEquals(HELLO, roundTrip(client, HELLO));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      // Delayed on the way in and on the way back.
      assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, "took " + took);
    }
  }

  @Test
  void corruptInvertsWhatTheClientReceives() throws IOException {
    try (Socket client = connect()) {
      proxy.corrupt();
      byte[] received = roundTrip(client, HELLO);
      for (int i = 0; i < HELLO.length; i++) {
        assertEquals((byte) ~HELLO[i], received[i]);
      }
    }
  }

  @Test
  void cutAfterLetsExactlySoManyBytesThrough() throws IOException {
    try (Socket client = connect()) {
      proxy.cutAfter(3);
      client.getOutputStream().write(HELLO);
      InputStream in = client.getInputStream();
      assertArrayEquals(new byte[] {'h', 'e', 'l'}, in.readNBytes(5));
      assertEquals(-1, in.read());
    }
    assertThrows(IOException.class, () -> roundTrip(connect(), HELLO), "new links refused too");
  }

  @Test
  void resetMakesTheClientSeeAReset() throws IOException {
    try (Socket client = connect()) {
      assertArrayEquals(HELLO, roundTrip(client, HELLO));
      proxy.reset();
      SocketException error =
          assertThrows(SocketException.class, () -> client.getInputStream().read());
      assertTrue(error.getMessage().toLowerCase().contains("reset"), error.getMessage());
    }
    try (Socket next = connect()) {
      assertArrayEquals(HELLO, roundTrip(next, HELLO), "a reset leaves new links working");
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", proxy.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  private static byte[] roundTrip(Socket client, byte[] bytes) throws IOException {
    client.getOutputStream().write(bytes);
    byte[] back = client.getInputStream().readNBytes(bytes.length);
    if (back.length < bytes.length) {
      throw new IOException("the link ended after " + back.length + " bytes");
    }
    return back;
  }

  private void echoEveryConnection() {
    while (!echo.isClosed()) {
      try {
        Socket socket = echo.accept();
        Thread.ofVirtual().start(() -> echo(socket));
      } catch (IOException e) {
        // closed: stop
      }
    }
  }

  private static void echo(Socket socket) {
    try (socket) {
      socket.getInputStream().transferTo(socket.getOutputStream());
    } catch (IOException e) {
      // the proxy went away
    }
  }
}
