package dev.tusk;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A connection's notifications for the async face, psycopg's {@code async for n in
 * aconn.notifies()}: {@link #next()} returns a future of the next notification instead of waiting
 * for it. Get one from {@link AsyncConnection#notifies(Duration)} and close it when done: it
 * collects from its creation on, so that none is missed between two calls of {@code next()}.
 *
 * <pre>{@code
 * AsyncNotifications notifications = aconn.notifies(Duration.ofSeconds(30));
 * aconn.listen("jobs")
 *     .thenCompose(ignored -> notifications.next())
 *     .thenAccept(n -> System.out.println(n == null ? "none in 30 s" : n.payload()));
 * }</pre>
 *
 * <p>A future completes with the next notification, or with null when the timeout passes with none
 * or once this is closed. A notification that finds a future waiting completes it on the
 * connection's I/O thread, so keep the callbacks short or chain them with the {@code *Async}
 * variants. Notifications nobody waits for are queued up to {@link Notifications#CAPACITY}; once
 * the queue is full newer ones are dropped, counted by {@link #dropped()}, and a warning is logged
 * once, as {@link Notifications} does.
 */
public final class AsyncNotifications implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.notify");

  private final Connection connection;
  private final Duration timeout;
  private final Consumer<Notification> handler = this::arrived;

  // Guarded by this: notifications nobody has asked for yet, futures asked for and not yet
  // completed, the count of dropped notifications, and whether this is closed.
  private final ArrayDeque<Notification> unclaimed = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<Notification>> claims = new ArrayDeque<>();
  private long dropped;
  private boolean closed;

  AsyncNotifications(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
    connection.addNotificationHandler(handler);
  }

  /**
   * The next notification: at once if one is queued, else when one arrives; null when the timeout
   * passes with none, or once this is closed. Futures asked for together complete in order.
   */
  public CompletableFuture<Notification> next() {
    CompletableFuture<Notification> claim = new CompletableFuture<>();
    synchronized (this) {
      Notification queued = unclaimed.poll();
      if (closed || queued != null) {
        return CompletableFuture.completedFuture(queued);
      }
      claims.add(claim);
    }
    if (timeout != null) {
      claim.completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS);
      claim.whenComplete((notification, error) -> forget(claim));
    }
    return claim;
  }

  private synchronized void forget(CompletableFuture<Notification> claim) {
    claims.remove(claim);
  }

  /** How many notifications were dropped because the queue was full. */
  public synchronized long dropped() {
    return dropped;
  }

  /** Runs on the connection's I/O thread: hands the notification to the oldest waiting future. */
  private void arrived(Notification notification) {
    while (true) {
      CompletableFuture<Notification> claim;
      boolean warn = false;
      synchronized (this) {
        claim = claims.poll();
        if (claim == null) {
          if (closed) {
            return;
          }
          if (unclaimed.size() < Notifications.CAPACITY) {
            unclaimed.add(notification);
          } else {
            warn = dropped++ == 0;
          }
        }
      }
      if (warn) {
        LOGGER.log(
            Level.WARNING,
            "async notifications are not taken: the queue of {0} is full and newer ones are"
                + " dropped",
            Notifications.CAPACITY);
      }
      // A claim that timed out meanwhile refuses it: try the next one.
      if (claim == null || claim.complete(notification)) {
        return;
      }
    }
  }

  /** Stops collecting; futures still waiting complete with null. */
  @Override
  public void close() {
    List<CompletableFuture<Notification>> waiting;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      unclaimed.clear();
      waiting = new ArrayList<>(claims);
      claims.clear();
    }
    connection.removeNotificationHandler(handler);
    waiting.forEach(claim -> claim.complete(null));
  }
}
