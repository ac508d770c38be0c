package dev.tusk;

import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.TuskException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Listens to channels on a dedicated connection and survives losing it: when the connection is lost
 * ({@code pg_terminate_backend}, a server restart, a broken link) it reconnects with exponential
 * backoff and jitter, issues every {@code LISTEN} again, and tells the application through {@link
 * Builder#onGap} that notifications sent meanwhile may have been missed (PostgreSQL does not keep
 * them for a listener that is gone), so that it can catch up, e.g. by re-reading the table the
 * notifications are about.
 *
 * <pre>{@code
 * try (Listener listener = Listener.builder("postgresql://app@db/app")
 *     .channels("jobs", "cache")
 *     .onNotification(n -> System.out.println(n.channel() + ": " + n.payload()))
 *     .onGap(gap -> reloadEverything())
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} connects and listens on the caller's thread, so a wrong setting fails
 * there. After that one platform thread ({@code tusk-listener-N}) receives the notifications and
 * runs the callbacks, one at a time in arrival order; a slow callback delays the next ones, never
 * the connection (they queue as in {@link Notifications}). {@link #close()} stops the thread and
 * closes the connection.
 */
public final class Listener implements AutoCloseable {

  /**
   * A span in which notifications may have been missed: the listener's connection was lost with
   * {@code cause} and came back, listening again, {@code down} later.
   */
  public record Gap(TuskException cause, Duration down) {}

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.notify");
  private static final AtomicInteger NUMBERS = new AtomicInteger();

  /** How long the thread waits for a notification before it looks whether the connection died. */
  private static final Duration POLL = Duration.ofMillis(100);

  /** After this long without traffic, a {@code SELECT 1} proves the connection alive. */
  private static final long CHECK_NANOS = Duration.ofSeconds(30).toNanos();

  private static final Query CHECK = Query.of("SELECT 1").withTimeout(Duration.ofSeconds(10));

  private final Supplier<Connection> connector;
  private final List<String> channels;
  private final Consumer<Notification> onNotification;
  private final Consumer<Gap> onGap;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Thread thread;

  private volatile boolean closed;
  private volatile Connection connection;
  private volatile Notifications queue;

  private Listener(Builder builder) {
    this.connector = builder.connector;
    this.channels = List.copyOf(builder.channels);
    this.onNotification = builder.onNotification;
    this.onGap = builder.onGap;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.thread =
        Thread.ofPlatform()
            .daemon()
            .name("tusk-listener-" + NUMBERS.incrementAndGet())
            .unstarted(this::run);
  }

  /** A listener that connects with {@code conninfo} ({@link Tusk#connect(String)}). */
  public static Builder builder(String conninfo) {
    Objects.requireNonNull(conninfo, "conninfo");
    return new Builder(() -> Tusk.connect(conninfo));
  }

  /**
   * A listener that opens its connections with {@code connector}, which must return a new
   * connection of its own each time (not one lent by a pool: the listener keeps it).
   */
  public static Builder builder(Supplier<Connection> connector) {
    return new Builder(Objects.requireNonNull(connector, "connector"));
  }

  /** Whether the listener holds a live connection that listens now. */
  public boolean connected() {
    Connection current = connection;
    return !closed && current != null && !current.closed();
  }

  /** The backend process ID of the current connection, or 0 while it reconnects. */
  public int backendPid() {
    Connection current = connection;
    return current == null || current.closed() ? 0 : current.info().backendPid();
  }

  /** Connects and listens; throws what connecting or listening raised. */
  private void open() {
    Connection opened = connector.get();
    Notifications notifications = null;
    try {
      notifications = opened.notifies(POLL);
      for (String channel : channels) {
        opened.listen(channel);
      }
    } catch (RuntimeException e) {
      if (notifications != null) {
        notifications.close();
      }
      opened.close();
      throw e;
    }
    queue = notifications;
    connection = opened;
    if (closed) {
      close(); // closed while connecting: the new connection must not stay open
    }
  }

  private void run() {
    while (!closed) {
      TuskException cause = receive();
      if (closed) {
        return;
      }
      long lostAt = System.nanoTime();
      LOGGER.log(Level.WARNING, "the listener's connection was lost; reconnecting: " + cause);
      if (reconnect()) {
        gap(new Gap(cause, Duration.ofNanos(System.nanoTime() - lostAt)));
      }
    }
  }

  /** Hands notifications on until the connection is lost (its error) or the listener closed. */
  private TuskException receive() {
    Connection current = connection;
    Notifications notifications = queue;
    long quietSince = System.nanoTime();
    while (!closed) {
      Notification next = notifications.next();
      if (next != null) {
        deliver(next);
        quietSince = System.nanoTime();
      } else if (current.closed()) {
        return errorOf(current);
      } else if (System.nanoTime() - quietSince > CHECK_NANOS) {
        try {
          current.execute(CHECK); // a link gone silent shows only when something is sent
        } catch (TuskException e) {
          current.close();
          return e;
        }
        quietSince = System.nanoTime();
      }
    }
    return null;
  }

  /** Tries again and again, with backoff, until connected and listening (true) or closed. */
  private boolean reconnect() {
    closeCurrent();
    for (int attempt = 0; !closed; attempt++) {
      sleep(backoff(initialBackoff, maxBackoff, attempt));
      if (closed) {
        return false;
      }
      try {
        open();
        return !closed;
      } catch (RuntimeException e) {
        // A TuskException, or whatever a user's connector throws: try again after the backoff.
        LOGGER.log(Level.DEBUG, "the listener could not reconnect yet: " + e);
      }
    }
    return false;
  }

  /**
   * Exponential backoff with jitter: the initial delay doubled per attempt up to the maximum, then
   * a random time between half of it and all of it, so that many listeners do not reconnect at
   * once.
   */
  static Duration backoff(Duration initial, Duration max, int attempt) {
    long first = initial.toNanos();
    long cap = max.toNanos();
    // Shifted only while no bit can overflow; past that (or past the cap) the cap holds.
    long delay =
        attempt < Long.numberOfLeadingZeros(first) - 1 ? Math.min(cap, first << attempt) : cap;
    return Duration.ofNanos(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }

  private void sleep(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos(); left > 0 && !closed; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
    }
  }

  private void deliver(Notification notification) {
    try {
      onNotification.accept(notification);
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "a listener's notification callback threw", e);
    }
  }

  private void gap(Gap gap) {
    try {
      onGap.accept(gap);
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "a listener's gap callback threw", e);
    }
  }

  /** The error that closed {@code lost}: a statement on a closed connection fails with it. */
  private static TuskException errorOf(Connection lost) {
    try {
      lost.execute("SELECT 1");
      return new ConnectionDoesNotExist(Diagnostic.client("08003", "the connection closed"));
    } catch (TuskException e) {
      return e;
    }
  }

  private void closeCurrent() {
    Notifications notifications = queue;
    if (notifications != null) {
      notifications.close();
    }
    Connection current = connection;
    if (current != null) {
      current.close();
    }
  }

  /**
   * Stops listening: closes the connection and ends the thread, waiting for a callback that runs
   * now to return (for up to 10 seconds). Closing twice does nothing.
   */
  @Override
  public void close() {
    closed = true;
    closeCurrent();
    LockSupport.unpark(thread);
    if (Thread.currentThread() != thread && thread.isAlive()) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "Listener" + channels + (closed ? " closed" : connected() ? "" : " reconnecting");
  }

  /**
   * Sets up a {@link Listener}: its channels, callbacks and backoff; {@link #start()} starts it.
   */
  public static final class Builder {

    private final Supplier<Connection> connector;
    private final java.util.ArrayList<String> channels = new java.util.ArrayList<>();
    private Consumer<Notification> onNotification;
    private Consumer<Gap> onGap = gap -> {};
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(30);

    private Builder(Supplier<Connection> connector) {
      this.connector = connector;
    }

    /** Channels to listen to (names quoted as identifiers, so any text is safe). */
    public Builder channels(String... names) {
      for (String name : names) {
        channels.add(Objects.requireNonNull(name, "channel"));
      }
      return this;
    }

    /** Called with each notification, on the listener's thread, in arrival order. Required. */
    public Builder onNotification(Consumer<Notification> callback) {
      this.onNotification = Objects.requireNonNull(callback, "callback");
      return this;
    }

    /**
     * Called on the listener's thread after a lost connection has been replaced and listens again,
     * before any notification of the new connection: notifications sent meanwhile may be missing.
     */
    public Builder onGap(Consumer<Gap> callback) {
      this.onGap = Objects.requireNonNull(callback, "callback");
      return this;
    }

    /**
     * The delay before the first reconnection attempt (100 ms by default), doubled per failed
     * attempt up to {@code max} (30 s by default), each jittered down by up to half.
     */
    public Builder backoff(Duration initial, Duration max) {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "backoff needs 0 < initial <= max, not " + initial + " and " + max);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Connects, listens to the channels and starts the listener's thread.
     *
     * @throws TuskException what connecting or {@code LISTEN} raised; nothing is left running
     * @throws IllegalStateException without {@link #onNotification} or channels
     */
    public Listener start() {
      if (onNotification == null || channels.isEmpty()) {
        throw new IllegalStateException("a Listener needs channels(...) and onNotification(...)");
      }
      Listener listener = new Listener(this);
      listener.open();
      listener.thread.start();
      return listener;
    }
  }
}
