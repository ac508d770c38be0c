package dev.tusk.pool;

import dev.tusk.errors.OperationalError;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pool's one background thread: opens connections up to {@code minSize} and for waiting requests,
 * reconnects with backoff while the server is away, closes connections that were lost, outlived
 * {@code maxLifetime} or idled past {@code maxIdle}, and reports leaks. It sleeps until the next
 * deadline or until woken.
 */
final class Maintenance implements Runnable {

  private static final System.Logger LOG = System.getLogger("dev.tusk.pool");
  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ConnectionPool pool;
  private final EntryTable table;
  private final ConnectionOpener opener;
  private final PoolOptions options;
  private final Thread thread;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private boolean woken; // guarded by lock

  private volatile boolean growthWanted;
  private volatile Throwable lastError;
  private volatile OperationalError outage;

  // Touched by the maintenance thread only.
  private int failures;
  private long failingSince;
  private long nextAttempt;

  Maintenance(ConnectionPool pool, EntryTable table, ConnectionOpener opener, PoolOptions options) {
    this.pool = pool;
    this.table = table;
    this.opener = opener;
    this.options = options;
    this.thread = Thread.ofPlatform().daemon().name("tusk-pool-" + pool.name()).unstarted(this);
  }

  void start() {
    thread.start();
  }

  /** Wakes the thread and waits up to {@code timeout} for it to end (the pool is closed). */
  void stop(Duration timeout) throws InterruptedException {
    wake();
    thread.join(timeout);
  }

  /** Makes the thread run a pass now. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      wakeUp.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Asks for one more connection, if {@code maxSize} allows, though no request waits. */
  void wantGrowth() {
    if (!growthWanted) {
      growthWanted = true;
      wake();
    }
  }

  /** The last connection error, cleared by a success; null if none. */
  Throwable lastError() {
    return lastError;
  }

  /** The error for requests while connecting has failed for {@code reconnectTimeout}, or null. */
  OperationalError outage() {
    return outage;
  }

  @Override
  public void run() {
    while (!pool.closed()) {
      long now = System.nanoTime();
      long next = Math.min(now + TICK_NANOS, sweep(now));
      next = Math.min(next, grow(now));
      sleepUntil(next);
    }
  }

  /** Expires, discards and checks for leaks; returns when the next entry falls due. */
  private long sweep(long now) {
    long next = Long.MAX_VALUE;
    for (PoolEntry entry : table.snapshot()) {
      int state = entry.state();
      if (state == 0) {
        if (due(entry, now) && entry.reserve()) {
          expire(entry, now);
        } else {
          next = Math.min(next, idleDeadline(entry));
        }
      } else if (state == PoolEntry.LENT && options.detectsLeaks()) {
        reportLeak(entry, now);
        next = Math.min(next, entry.leakDeadline(options.leakThreshold().toNanos()));
      }
    }
    return next;
  }

  /** When an idle entry will be due: at the end of its life or, above minSize, of its idling. */
  private long idleDeadline(PoolEntry entry) {
    long idleEnd =
        table.size() > pool.minSize()
            ? entry.idleSince() + options.maxIdle().toNanos()
            : Long.MAX_VALUE;
    return Math.min(entry.expiresAt(), idleEnd);
  }

  private boolean due(PoolEntry entry, long now) {
    return entry.connection().closed()
        || !entry.qualifies()
        || entry.expired(now)
        || idledOut(entry, now);
  }

  private boolean idledOut(PoolEntry entry, long now) {
    return now - entry.idleSince() >= options.maxIdle().toNanos() && table.size() > pool.minSize();
  }

  private void expire(PoolEntry entry, long now) {
    if (entry.connection().closed()) {
      pool.lose(entry);
    } else if (!entry.qualifies()) {
      pool.reroute(entry);
    } else if (entry.expired(now) || idledOut(entry, now)) {
      pool.retire(entry);
    } else {
      pool.offer(entry);
    }
  }

  private void reportLeak(PoolEntry entry, long now) {
    Throwable from = entry.unreportedLeak(now, options.leakThreshold().toNanos());
    if (from != null) {
      LOG.log(
          Level.WARNING,
          "a connection of pool "
              + pool.name()
              + " has been held for more than "
              + options.leakThreshold().toMillis()
              + " ms; it was acquired here:",
          from);
    }
  }

  /** Opens one connection if one is wanted and the backoff allows; returns when to try again. */
  private long grow(long now) {
    int size = table.size();
    boolean wanted =
        size < pool.minSize() || ((growthWanted || pool.hasWaiters()) && size < pool.maxSize());
    if (!wanted) {
      return Long.MAX_VALUE;
    }
    if (failures > 0 && now - nextAttempt < 0) {
      return nextAttempt;
    }
    growthWanted = false;
    try {
      ConnectionOpener.Opened opened = opener.open();
      failures = 0;
      lastError = null;
      outage = null;
      pool.adopt(opened);
      return now;
    } catch (RuntimeException e) {
      return failed(e, System.nanoTime());
    }
  }

  private long failed(RuntimeException error, long now) {
    lastError = error;
    if (failures++ == 0) {
      failingSince = now;
    }
    nextAttempt =
        now
            + Jitter.backoff(
                options.reconnectDelay().toNanos(),
                failures,
                ThreadLocalRandom.current().nextDouble());
    if (outage == null && now - failingSince >= options.reconnectTimeout().toNanos()) {
      outage =
          new OperationalError(
              "pool "
                  + pool.name()
                  + " could not connect for "
                  + options.reconnectTimeout()
                  + "; the last attempt failed: "
                  + error.getMessage(),
              error);
      LOG.log(Level.WARNING, outage.getMessage());
      pool.failWaitersIfEmpty(outage);
    }
    return nextAttempt;
  }

  private void sleepUntil(long deadline) {
    lock.lock();
    try {
      long nanos = deadline - System.nanoTime();
      if (!woken && nanos > 0) {
        wakeUp.awaitNanos(nanos);
      }
      woken = false;
    } catch (InterruptedException e) {
      // Nothing interrupts this thread on purpose; close() stops it through the pool's state.
      woken = false;
    } finally {
      lock.unlock();
    }
  }
}
