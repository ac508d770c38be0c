package dev.tusk.internal.client;

import dev.tusk.Connection;
import dev.tusk.Notification;
import dev.tusk.Notifications;
import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.TuskException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * One subscriber's share of a connection's notifications: those that arrive from its subscription
 * on, in order. They wait in a queue of {@link Notifications#CAPACITY} until the subscriber asks
 * for them; once it is full, newer ones are dropped (a warning is logged once), the policy of
 * {@link Notifications}. The subscription ends with {@code onComplete} when the connection is
 * closed, or {@code onError} with the connection's error when it is lost, after the notifications
 * queued before that.
 */
final class NotificationSubscription extends FlowSubscription<Notification> {

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.notify");

  /** How often a subscriber waiting for notifications looks whether the connection is gone. */
  private static final long CLOSED_CHECK_NANOS = 100_000_000L;

  private final Connection connection;
  private final Consumer<Notification> handler = this::arrived;

  // Guarded by this: the queued notifications, and how many were dropped.
  private final ArrayDeque<Notification> queue = new ArrayDeque<>();
  private long dropped;

  NotificationSubscription(
      Flow.Subscriber<? super Notification> subscriber, String threadName, Connection connection) {
    super(subscriber, threadName);
    this.connection = connection;
    connection.addNotificationHandler(handler);
  }

  /** Runs on the connection's I/O thread: queues and wakes the emitter, never waits. */
  private void arrived(Notification notification) {
    boolean firstDrop;
    synchronized (this) {
      if (queue.size() < Notifications.CAPACITY) {
        queue.add(notification);
        firstDrop = false;
      } else {
        firstDrop = dropped++ == 0;
      }
    }
    if (firstDrop) {
      LOGGER.log(
          Level.WARNING,
          "a notification subscriber takes fewer than arrive: its queue of {0} is full and newer"
              + " ones are dropped",
          Notifications.CAPACITY);
    }
    wake();
  }

  private synchronized Notification poll() {
    return queue.poll();
  }

  private synchronized boolean drained() {
    return queue.isEmpty();
  }

  /** Starts at once: the end of the connection may be signalled without a request (§1.4). */
  @Override
  boolean startsUnasked() {
    return true;
  }

  @Override
  void run() {
    boolean closedSeen = false;
    while (!over()) {
      Notification notification = hasDemand() ? poll() : null;
      if (notification != null) {
        if (!next(notification)) {
          return;
        }
        continue;
      }
      if (connection.closed() && drained()) {
        if (closedSeen) {
          end();
          return;
        }
        // Once more: a notification read just before the end may still be on its way to us.
        closedSeen = true;
      }
      pause(CLOSED_CHECK_NANOS);
    }
  }

  /** onComplete after close(), onError with the connection's own error when it was lost. */
  private void end() {
    try {
      connection.execute("SELECT 1"); // fails at once with the error that closed the session
      complete();
    } catch (ConnectionDoesNotExist closedByUser) {
      complete();
    } catch (TuskException lost) {
      fail(lost);
    }
  }

  @Override
  void stopSource() {
    connection.removeNotificationHandler(handler);
  }

  @Override
  void finished() {
    connection.removeNotificationHandler(handler);
  }
}
