package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Notification;
import dev.tusk.Notifications;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * psycopg's {@code listen}/{@code notify}/{@code notifies()}, with names quoted and values bound.
 */
@TuskTest
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class NotifiesTest {

  @Test
  void notificationsFromAnotherConnectionArriveInOrder(Connection conn, PostgresServer server) {
    String channel = "Mixed Case; DROP TABLE nothing --";
    conn.listen(channel);
    try (Notifications notifications = conn.notifies(Duration.ofSeconds(5));
        Connection other = Tusk.connect(server.conninfo())) {
      for (int i = 0; i < 3; i++) {
        other.notify(channel, "payload " + i + " 'quoted'");
      }
      List<String> payloads = new ArrayList<>();
      for (Notification notification : notifications) {
        assertEquals(channel, notification.channel());
        assertEquals(other.info().backendPid(), notification.pid());
        payloads.add(notification.payload());
        if (payloads.size() == 3) {
          break;
        }
      }
      assertEquals(
          List.of("payload 0 'quoted'", "payload 1 'quoted'", "payload 2 'quoted'"), payloads);
    }
    conn.unlisten(channel);
  }

  @Test
  void theSequenceEndsWhenItsTimeoutPassesWithNone(Connection conn) {
    conn.listen("quiet");
    try (Notifications notifications = conn.notifies(Duration.ofMillis(200))) {
      long start = System.nanoTime();
      assertNull(notifications.next());
      assertTrue(System.nanoTime() - start >= 150_000_000L, "ended before its timeout");
      assertEquals(0, notifications.stream().count());
    }
    conn.unlistenAll();
  }

  @Test
  void closingEndsAConsumerWaitingWithoutTimeout(Connection conn) throws Exception {
    conn.listen("never");
    Notifications notifications = conn.notifies(null);
    CompletableFuture<Long> counted =
        CompletableFuture.supplyAsync(() -> notifications.stream().count());
    Thread.sleep(100);
    notifications.close();
    assertEquals(0L, counted.get(5, TimeUnit.SECONDS));
  }
}
