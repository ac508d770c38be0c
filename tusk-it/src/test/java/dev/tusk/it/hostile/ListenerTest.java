package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Listener;
import dev.tusk.Notification;
import dev.tusk.Tusk;
import dev.tusk.errors.AdminShutdown;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Listener}: survives its connection being terminated, listens again, reports the gap, and
 * leaves neither a thread nor a socket behind once closed.
 */
@TuskTest
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class ListenerTest {

  /**
   * Starts the driver's JVM-wide threads (the abandoned-stream cleaner, the callback watch) before
   * the leak check counts threads: they live as long as the JVM, whichever test starts them.
   */
  @BeforeAll
  static void startTheDriversSharedThreads() {
    try (Connection conn = Tusk.connect(PostgresServer.get().conninfo())) {
      conn.execute("SELECT 1").fetchOne();
    }
  }

  @Test
  void survivesATerminatedBackendListensAgainAndReportsTheGap(PostgresServer server)
      throws Exception {
    LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    CompletableFuture<Listener.Gap> gap = new CompletableFuture<>();
    try (Connection other = Tusk.connect(server.conninfo());
        Listener listener =
            Listener.builder(server.conninfo())
                .channels("orders", "Mixed Case")
                .onNotification(received::add)
                .onGap(gap::complete)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
                .start()) {
      assertTrue(listener.connected());
      other.notify("orders", "first");
      assertEquals("first", take(received).payload());

      int before = listener.backendPid();
      other.execute("SELECT pg_terminate_backend($1)", before);
      Listener.Gap reported = gap.get(20, TimeUnit.SECONDS);
      assertInstanceOf(AdminShutdown.class, reported.cause());
      assertTrue(reported.down().compareTo(Duration.ofSeconds(20)) < 0, reported.toString());
      assertTrue(listener.connected());
      assertNotEquals(before, listener.backendPid(), "a new backend listens");

      other.notify("Mixed Case", "after the gap");
      other.notify("orders", "second");
      assertEquals("after the gap", take(received).payload());
      assertEquals("second", take(received).payload());
    }
  }

  @Test
  void keepsTryingWhileTheServerCannotBeReached(PostgresServer server) throws Exception {
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger refusals = new AtomicInteger(2);
    CompletableFuture<Listener.Gap> gap = new CompletableFuture<>();
    LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    try (Connection other = Tusk.connect(server.conninfo());
        Listener listener =
            Listener.builder(
                    () -> {
                      opened.incrementAndGet();
                      if (opened.get() > 1 && refusals.getAndDecrement() > 0) {
                        // The server is down for a while: connecting fails.
                        return Tusk.connect(server.conninfo() + " dbname=no_such_database_here");
                      }
                      return Tusk.connect(server.conninfo());
                    })
                .channels("retry")
                .onNotification(received::add)
                .onGap(gap::complete)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .start()) {
      other.execute("SELECT pg_terminate_backend($1)", listener.backendPid());
      assertInstanceOf(AdminShutdown.class, gap.get(20, TimeUnit.SECONDS).cause());
      assertEquals(4, opened.get(), "the first connection, two refused, then the new one");
      other.notify("retry", "back");
      assertEquals("back", take(received).payload());
    }
  }

  @Test
  void aWrongSettingFailsStartAndLeavesNothingRunning(PostgresServer server) {
    assertThrows(
        TuskException.class,
        () ->
            Listener.builder(server.conninfo() + " dbname=no_such_database_here")
                .channels("x")
                .onNotification(n -> {})
                .start());
    assertThrows(
        IllegalStateException.class,
        () -> Listener.builder(server.conninfo()).onNotification(n -> {}).start());
  }

  @Test
  void aCallbackThatThrowsDoesNotStopTheListener(PostgresServer server) throws Exception {
    LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    try (Connection other = Tusk.connect(server.conninfo());
        Listener listener =
            Listener.builder(() -> Tusk.connect(server.conninfo()))
                .channels("fragile")
                .onNotification(
                    n -> {
                      received.add(n);
                      if (n.payload().equals("boom")) {
                        throw new IllegalStateException("the application's bug");
                      }
                    })
                .start()) {
      other.notify("fragile", "boom");
      other.notify("fragile", "still here");
      assertEquals("boom", take(received).payload());
      assertEquals("still here", take(received).payload());
      assertTrue(listener.toString().contains("fragile"));
    }
  }

  private static Notification take(LinkedBlockingQueue<Notification> queue)
      throws InterruptedException {
    Notification next = queue.poll(10, TimeUnit.SECONDS);
    assertNotNull(next, "no notification within 10 s");
    return next;
  }
}
