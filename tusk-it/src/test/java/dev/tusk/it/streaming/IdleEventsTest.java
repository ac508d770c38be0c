package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Notification;
import dev.tusk.Tusk;
import dev.tusk.errors.AdminShutdown;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Messages the server sends while no statement runs are read promptly by the connection's I/O
 * thread: notifications reach their handler, and a FATAL error closes the connection with the
 * server's own reason.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class IdleEventsTest {

  @Test
  void aNotificationArrivingWhileIdleReachesItsHandler(Connection conn, PostgresServer server)
      throws Exception {
    BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    conn.addNotificationHandler(received::add);
    conn.execute("LISTEN tusk_idle");
    try (Connection other = Tusk.connect(server.conninfo())) {
      int sender = other.info().backendPid();
      other.execute("SELECT pg_notify('tusk_idle', 'hello')");
      Notification notification = received.poll(5, TimeUnit.SECONDS);
      assertNotNull(notification, "the idle connection did not read the notification");
      assertEquals(new Notification(sender, "tusk_idle", "hello"), notification);
    }
  }

  @Test
  void notificationsDuringQueriesArriveInOrder(Connection conn) throws Exception {
    BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    conn.addNotificationHandler(received::add);
    conn.execute("LISTEN tusk_order");
    for (int i = 0; i < 100; i++) {
      conn.execute("SELECT pg_notify('tusk_order', $1)", Integer.toString(i));
    }
    for (int i = 0; i < 100; i++) {
      Notification notification = received.poll(5, TimeUnit.SECONDS);
      assertNotNull(notification, "notification " + i + " was lost");
      assertEquals(Integer.toString(i), notification.payload());
    }
  }

  @Test
  void aFatalErrorWhileIdleClosesTheConnectionWithTheServersReason(
      Connection conn, PostgresServer server) throws Exception {
    int pid = conn.info().backendPid();
    try (Connection other = Tusk.connect(server.conninfo())) {
      other.execute("SELECT pg_terminate_backend($1)", pid);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!conn.closed() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(conn.closed(), "the idle connection did not notice it was terminated");
    AdminShutdown error = assertThrows(AdminShutdown.class, () -> conn.execute("SELECT 1"));
    assertEquals("57P01", error.sqlState());
  }

  @Test
  void aTerminatedStatementFailsWithTheServersReason(Connection conn, PostgresServer server)
      throws Exception {
    int pid = conn.info().backendPid();
    Thread killer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (Connection other = Tusk.connect(server.conninfo())) {
                    while (!other
                        .execute(
                            "SELECT state = 'active' FROM pg_stat_activity WHERE pid = $1", pid)
                        .fetchOne()
                        .get(0, Boolean.class)) {
                      Thread.sleep(10);
                    }
                    other.execute("SELECT pg_terminate_backend($1)", pid);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    AdminShutdown error =
        assertThrows(AdminShutdown.class, () -> conn.execute("SELECT pg_sleep(30)"));
    assertEquals("57P01", error.sqlState());
    killer.join();
  }
}
