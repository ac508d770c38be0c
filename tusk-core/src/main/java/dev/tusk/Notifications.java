package dev.tusk;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A connection's notifications as a blocking sequence, psycopg's {@code conn.notifies()}: each step
 * waits for the next notification, and the sequence ends when {@code timeout} passes with none, or
 * when it is closed (which a consumer may do from another thread to stop it). Get one from {@link
 * Connection#notifies(Duration)}; use it in try-with-resources, since it listens from its creation
 * until it is closed.
 *
 * <p>Notifications that arrive while nobody takes them wait in a queue of {@link #CAPACITY}; once
 * it is full, newer ones are dropped, counted by {@link #dropped()}, and a warning is logged once.
 * Dropping the newest keeps the ones already queued in order.
 */
public final class Notifications implements Iterable<Notification>, AutoCloseable {

  /** How many notifications wait for a consumer before newer ones are dropped. */
  public static final int CAPACITY = 10_000;

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.notify");

  /** Put in the queue by close(), so that a waiting consumer wakes and ends. */
  private static final Notification END = new Notification(0, "", "");

  private final Connection connection;
  private final Duration timeout;
  private final LinkedBlockingQueue<Notification> queue = new LinkedBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Consumer<Notification> handler = this::arrived;
  private volatile boolean closed;

  Notifications(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
    connection.addNotificationHandler(handler);
  }

  private void arrived(Notification notification) {
    if (!queue.offer(notification) && dropped.getAndIncrement() == 0) {
      LOGGER.log(
          Level.WARNING,
          "notifications arrive faster than they are taken: the queue of {0} is full and newer"
              + " ones are dropped",
          CAPACITY);
    }
  }

  /** How many notifications were dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * The next notification, waiting up to the timeout; null when it passes with none, or once this
   * is closed.
   */
  public Notification next() {
    if (closed) {
      return null;
    }
    try {
      Notification next =
          timeout == null ? queue.take() : queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return next == END ? null : next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public Iterator<Notification> iterator() {
    return new Iterator<>() {
      private Notification ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          ahead = Notifications.this.next();
        }
        return ahead != null;
      }

      @Override
      public Notification next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Notification next = ahead;
        ahead = null;
        return next;
      }
    };
  }

  /** The notifications as a {@link Stream}; closing it closes this. */
  public Stream<Notification> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  /** Stops listening through this sequence; a consumer waiting in it ends. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      connection.removeNotificationHandler(handler);
      queue.clear();
      queue.offer(END);
    }
  }
}
