package dev.tusk.it.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncNotifications;
import dev.tusk.Connection;
import dev.tusk.Notification;
import dev.tusk.Tusk;
import dev.tusk.errors.AdminShutdown;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import reactor.adapter.JdkFlowAdapter;

/**
 * {@code publishNotifications()} and the async face's {@code notifies()}: notifications in order,
 * with back-pressure, and an end that tells a close from a lost connection.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class NotificationPublisherTest {

  @Test
  void notificationsArriveInOrderAsRequested(PostgresServer server) throws Exception {
    try (Connection conn = Tusk.connect(server.conninfo());
        Connection other = Tusk.connect(server.conninfo())) {
      Probe<Notification> probe = new Probe<>();
      conn.publishNotifications().subscribe(probe);
      Flow.Subscription subscription = probe.subscription();
      conn.listen("flow");
      for (int i = 0; i < 5; i++) {
        other.notify("flow", "n" + i);
      }
      subscription.request(2);
      assertEquals("n0", probe.take().payload());
      assertEquals("n1", probe.take().payload());
      probe.expectNoItem(300); // the others wait in the subscription's queue
      subscription.request(10);
      for (int i = 2; i < 5; i++) {
        Notification notification = probe.take();
        assertEquals("n" + i, notification.payload());
        assertEquals("flow", notification.channel());
        assertEquals(other.info().backendPid(), notification.pid());
      }
      Thread onNextThread = probe.threads.get(0);
      assertTrue(onNextThread.isVirtual(), "delivered on the subscription's own thread");
      conn.close();
      assertNull(probe.awaitEnd(), "a closed connection completes the subscription");
    }
  }

  @Test
  void aLostConnectionEndsTheSubscriptionWithItsError(PostgresServer server) throws Exception {
    try (Connection conn = Tusk.connect(server.conninfo());
        Connection other = Tusk.connect(server.conninfo())) {
      Probe<Notification> probe = new Probe<>();
      conn.publishNotifications().subscribe(probe);
      probe.subscription().request(Long.MAX_VALUE);
      other.execute("SELECT pg_terminate_backend($1)", conn.info().backendPid());
      assertInstanceOf(AdminShutdown.class, probe.awaitEnd());
    }
  }

  @Test
  void theEndNeedsNoRequest(PostgresServer server) throws Exception {
    Probe<Notification> probe = new Probe<>();
    try (Connection conn = Tusk.connect(server.conninfo())) {
      conn.publishNotifications().subscribe(probe);
      probe.subscription(); // and never a request
    }
    assertNull(probe.awaitEnd(), "onComplete without a request (Reactive Streams 1.4)");
  }

  @Test
  void aCancelledSubscriptionReceivesNoMore(PostgresServer server) throws Exception {
    try (Connection conn = Tusk.connect(server.conninfo());
        Connection other = Tusk.connect(server.conninfo())) {
      Probe<Notification> kept = new Probe<>();
      Probe<Notification> cancelled = new Probe<>();
      conn.publishNotifications().subscribe(kept);
      conn.publishNotifications().subscribe(cancelled);
      kept.subscription().request(Long.MAX_VALUE);
      cancelled.subscription().request(Long.MAX_VALUE);
      conn.listen("some");
      other.notify("some", "before");
      assertEquals("before", kept.take().payload());
      assertEquals("before", cancelled.take().payload());
      cancelled.subscription().cancel();
      other.notify("some", "after");
      assertEquals("after", kept.take().payload());
      cancelled.expectNoItem(300);
      assertThrows(NullPointerException.class, () -> conn.publishNotifications().subscribe(null));
    }
  }

  @Test
  void reactorReadsNotificationsThroughTheFlowAdapter(PostgresServer server) throws Exception {
    try (Connection conn = Tusk.connect(server.conninfo());
        Connection other = Tusk.connect(server.conninfo())) {
      conn.listen("reactor");
      CompletableFuture<List<String>> three =
          JdkFlowAdapter.flowPublisherToFlux(conn.publishNotifications())
              .map(Notification::payload)
              .take(3)
              .collectList()
              .toFuture();
      Thread.sleep(100); // subscribed: it sees notifications from its subscription on
      for (String payload : List.of("a", "b", "c", "d")) {
        other.notify("reactor", payload);
      }
      assertEquals(List.of("a", "b", "c"), three.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void theAsyncFaceHandsNotificationsOutAsFutures(PostgresServer server) throws Exception {
    try (Connection sync = Tusk.connect(server.conninfo());
        Connection other = Tusk.connect(server.conninfo())) {
      AsyncConnection conn = sync.async();
      try (AsyncNotifications notifications = conn.notifies(Duration.ofSeconds(10))) {
        conn.listen("async").get(10, TimeUnit.SECONDS);
        CompletableFuture<Notification> first = notifications.next();
        CompletableFuture<Notification> second = notifications.next();
        assertTrue(!first.isDone(), "nothing has arrived yet");
        conn.notify("async", "one").get(10, TimeUnit.SECONDS);
        other.notify("async", "two");
        other.notify("async", "three"); // queued for the next call
        assertEquals("one", first.get(10, TimeUnit.SECONDS).payload());
        assertEquals("two", second.get(10, TimeUnit.SECONDS).payload());
        assertEquals("three", notifications.next().get(10, TimeUnit.SECONDS).payload());
        assertEquals(0, notifications.dropped());
        CompletableFuture<Notification> pending = notifications.next();
        notifications.close();
        assertNull(pending.get(10, TimeUnit.SECONDS), "close completes a waiting future");
        assertNull(notifications.next().get(10, TimeUnit.SECONDS));
      }
      try (AsyncNotifications quiet = conn.notifies(Duration.ofMillis(200))) {
        long start = System.nanoTime();
        assertNull(quiet.next().get(10, TimeUnit.SECONDS), "the timeout passed with none");
        assertTrue(System.nanoTime() - start >= 150_000_000L, "ended before its timeout");
      }
      conn.unlisten("async").get(10, TimeUnit.SECONDS);
    }
  }
}
