package dev.tusk.pool;

import dev.tusk.errors.OperationalError;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The slow path of a request, shared by both pools: queue up within {@code maxWaiting}, wait for a
 * hand-off until the deadline, and count, time and record it (JFR {@code dev.tusk.PoolAcquire}).
 *
 * @param <T> what the request waits for
 */
final class Waiting<T> {

  private final String pool;
  private final Handoff<T> handoff;
  private final PoolCounters counters;
  private final int maxWaiting;
  private final Supplier<Throwable> lastError;

  Waiting(
      String pool,
      Handoff<T> handoff,
      PoolCounters counters,
      int maxWaiting,
      Supplier<Throwable> lastError) {
    this.pool = pool;
    this.handoff = handoff;
    this.counters = counters;
    this.maxWaiting = maxWaiting;
    this.lastError = lastError;
  }

  /**
   * Queues a request and lets {@code waitFor} wait on it; returns what it got.
   *
   * @param since when this wait began, for the statistics: a thread preempted on its way here has
   *     waited too
   * @param deadline when the wait ends without an item, as a {@link System#nanoTime()}
   * @throws TooManyRequests if the queue is full
   * @throws PoolTimeout if {@code waitFor} returned null: nothing came before the deadline
   */
  T await(Duration timeout, long since, long deadline, Function<Waiter<T>, T> waitFor) {
    counters.requestsQueued.increment();
    PoolAcquireEvent event = new PoolAcquireEvent();
    event.begin();
    long start = since;
    String outcome = "acquired";
    Waiter<T> waiter = handoff.enqueue(maxWaiting, deadline);
    try {
      if (waiter == null) {
        throw new TooManyRequests(
            "pool " + pool + " already has " + maxWaiting + " requests waiting");
      }
      T item = waitFor.apply(waiter);
      if (item == null) {
        throw timedOut(timeout);
      }
      return item;
    } catch (RuntimeException e) {
      counters.requestsErrors.increment();
      outcome = e.getClass().getSimpleName();
      throw e;
    } finally {
      if (waiter != null) {
        handoff.leave();
      }
      counters.requestsWaitNanos.add(System.nanoTime() - start);
      if (event.shouldCommit()) {
        event.pool = pool;
        event.outcome = outcome;
        event.commit();
      }
    }
  }

  private OperationalError timedOut(Duration timeout) {
    if (Thread.currentThread().isInterrupted()) {
      return new OperationalError("interrupted while waiting for a connection from pool " + pool);
    }
    Throwable cause = lastError.get();
    return new PoolTimeout(
        "no connection from pool "
            + pool
            + " within "
            + timeout
            + (cause == null ? "" : "; the last connection attempt failed: " + cause.getMessage()),
        cause);
  }
}
