package dev.tusk.pool;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The FIFO of requests waiting for an item (a connection, or a permit to open one). A giver hands
 * its item straight to the longest-waiting {@link Waiter} and wakes that one thread. Lock-free: no
 * waiter is ever pinned or woken for nothing.
 *
 * <p>A waiter parks without a timeout; one {@link DeadlineTimer} for the whole queue cancels the
 * waiters whose deadline has passed, which wakes them. A waiter that was cancelled (timed out, or
 * withdrawn) is skipped and dropped by the next giver. A giver that finds no waiter keeps its item;
 * to close the race with a waiter that enqueues just then, the giver checks {@link #isEmpty()}
 * again after publishing the item as free, and the waiter looks for a free item after enqueueing.
 *
 * @param <T> what is handed over
 */
final class Handoff<T> {

  private final ConcurrentLinkedQueue<Waiter<T>> waiters = new ConcurrentLinkedQueue<>();

  /** Waiters between {@link #enqueue} and {@link #leave}, for the {@code maxWaiting} limit. */
  private final AtomicInteger waiting = new AtomicInteger();

  private final DeadlineTimer timer = new DeadlineTimer(this::expire);

  /** Whether no waiter is queued. */
  boolean isEmpty() {
    return waiters.isEmpty();
  }

  /** How many requests wait now. */
  int waiting() {
    return waiting.get();
  }

  /**
   * Queues a waiter for the calling thread at the tail, to wait until {@code deadline} (a {@link
   * System#nanoTime()}) at most, or returns null if {@code limit} (if positive) waiters are already
   * there. Every waiter returned must {@link #leave} once done.
   */
  Waiter<T> enqueue(int limit, long deadline) {
    if (waiting.incrementAndGet() > limit && limit > 0) {
      waiting.decrementAndGet();
      return null;
    }
    Waiter<T> waiter = new Waiter<>(deadline);
    waiters.add(waiter);
    timer.watch(deadline); // after queueing: see DeadlineTimer
    return waiter;
  }

  /** Gives {@code item} to the longest-waiting live waiter; false if there is none. */
  boolean give(T item) {
    Waiter<T> waiter;
    while ((waiter = waiters.poll()) != null) {
      if (waiter.complete(item)) {
        return true;
      }
    }
    return false;
  }

  /** Fails every queued waiter with a fresh error from {@code error}. */
  void failAll(Supplier<? extends RuntimeException> error) {
    Waiter<T> waiter;
    while ((waiter = waiters.poll()) != null) {
      waiter.fail(error.get());
    }
  }

  /**
   * Waits for an item until the waiter's deadline; only the thread that queued the waiter may.
   * Returns null on timeout or interrupt (the interrupt is kept), having withdrawn the waiter; but
   * if an item arrived meanwhile, returns it instead. Throws the error a giver failed the waiter
   * with.
   */
  T await(Waiter<T> waiter) {
    if (waiter.due(System.nanoTime())) {
      return withdraw(waiter); // no time left: the timer would only wake us later
    }
    // Untimed: the timer cancels the waiter at its deadline.
    return waiter.await() ? waiter.item() : withdraw(waiter);
  }

  /**
   * Withdraws {@code waiter}: returns null if it had nothing yet, else the item it was given (the
   * caller then owns it). Throws the error a giver failed it with.
   */
  T withdraw(Waiter<T> waiter) {
    if (waiter.cancel()) {
      waiters.remove(waiter);
      return null;
    }
    return waiter.item();
  }

  /**
   * Cancels the waiters due at {@code now} and drops every finished one from the queue, then arms
   * the timer for the earliest deadline left. Run by the timer.
   */
  private void expire(long now) {
    boolean pending = false;
    long earliest = 0;
    for (Iterator<Waiter<T>> it = waiters.iterator(); it.hasNext(); ) {
      Waiter<T> waiter = it.next();
      if (waiter.isDone()) {
        it.remove();
      } else if (waiter.due(now)) {
        it.remove(); // before waking it, so that the queue no longer holds it when it returns
        waiter.cancel(); // does nothing if a giver got there first
      } else if (!pending || waiter.deadline() - earliest < 0) {
        pending = true;
        earliest = waiter.deadline();
      }
    }
    if (pending) {
      timer.watch(earliest);
    }
  }

  /** Marks the end of a waiter's wait (whatever its outcome). */
  void leave() {
    waiting.decrementAndGet();
  }
}
