package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Tusk;
import dev.tusk.errors.ConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code connect_timeout} against a server that accepts the TCP connection and then never says a
 * word: the attempt fails in about the timeout with an 08001-class error and leaves no socket or
 * thread behind.
 */
class ConnectTimeoutTest {

  /** connect_timeout=1: the failure must come after about one second, well before three. */
  private static final Duration LIMIT = Duration.ofSeconds(3);

  /** Long enough that a test never hangs the build when the timeout is broken. */
  private static final Duration HANG = Duration.ofSeconds(15);

  @ParameterizedTest
  @ValueSource(strings = {"prefer", "disable"})
  void silentServerTimesOut(String sslmode) throws Exception {
    List<String> before = DriverThreads.named("tusk-");
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      FutureTask<Integer> accepted = new FutureTask<>(() -> hold(silent));
      Thread.ofVirtual().name("silent-server").start(accepted);
      String conninfo =
          "host=127.0.0.1 port="
              + silent.getLocalPort()
              + " user=tusk dbname=tusk connect_timeout=1 sslmode="
              + sslmode;
      long start = System.nanoTime();
      ConnectionException error =
          assertTimeoutPreemptively(
              HANG, () -> assertThrows(ConnectionException.class, () -> Tusk.connect(conninfo)));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertEquals("08001", error.sqlState());
      assertTrue(error.getMessage().contains("timeout"), error.getMessage());
      assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "gave up early: " + took);
      assertTrue(took.compareTo(LIMIT) < 0, "took " + took);
      // The server side sees end-of-stream: Tusk closed its socket.
      assertEquals(-1, accepted.get(HANG.toSeconds(), TimeUnit.SECONDS));
    }
    List<String> after = DriverThreads.awaitAtMost("tusk-", before.size(), Duration.ofSeconds(5));
    assertTrue(after.size() <= before.size(), "threads left: " + after + ", before: " + before);
  }

  /** Accepts one connection, reads until the client closes it, never writes; returns -1 at EOF. */
  private static int hold(ServerSocket server) {
    try (Socket client = server.accept();
        InputStream in = client.getInputStream()) {
      int last;
      do {
        last = in.read();
      } while (last >= 0);
      return last;
    } catch (IOException e) {
      throw new IllegalStateException("the silent server failed", e);
    }
  }
}
