package dev.tusk.pool;

import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The FIFO of requests waiting for an item (a connection, or a permit to open one). A waiter is a
 * {@link CompletableFuture} that a giver completes directly with the item, so a sync waiter parks
 * on it and an async one could chain on it. Lock-free: no waiter is ever pinned or woken for
 * nothing.
 *
 * <p>A waiter parks without a timeout; one {@link DeadlineTimer} for the whole queue cancels the
 * waiters whose deadline has passed, which wakes them. A waiter whose future was cancelled (timed
 * out, or withdrawn) is skipped and dropped by the next giver. A giver that finds no waiter keeps
 * its item; to close the race with a waiter that enqueues just then, the giver checks {@link
 * #isEmpty()} again after publishing the item as free, and the waiter looks for a free item after
 * enqueueing.
 *
 * @param <T> what is handed over
 */
final class Handoff<T> {

  /** A queued request: completed by a giver with the item, or cancelled at its deadline. */
  static final class Waiter<T> extends CompletableFuture<T> {

    private final long deadline;

    private Waiter(long deadline) {
      this.deadline = deadline;
    }

    /** When the wait ends without an item, as a {@link System#nanoTime()}. */
    long deadline() {
      return deadline;
    }

    private boolean due(long now) {
      return now - deadline >= 0;
    }
  }

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
   * Queues a new waiter at the tail, to wait until {@code deadline} (a {@link System#nanoTime()})
   * at most, or returns null if {@code limit} (if positive) waiters are already there. Every waiter
   * returned must {@link #leave} once done.
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
      waiter.completeExceptionally(error.get());
    }
  }

  /**
   * Waits for an item until the waiter's deadline. Returns null on timeout or interrupt, having
   * withdrawn the waiter; but if an item arrived meanwhile, returns it instead. Throws the error a
   * giver failed the waiter with.
   */
  T await(Waiter<T> waiter) {
    if (waiter.due(System.nanoTime())) {
      return withdraw(waiter); // no time left: the timer would only wake us later
    }
    try {
      return waiter.get(); // untimed: the timer cancels the waiter at its deadline
    } catch (CancellationException e) {
      return withdraw(waiter);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return withdraw(waiter);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  /**
   * Withdraws {@code waiter}: returns null if it had nothing yet, else the item it was given (the
   * caller then owns it).
   */
  T withdraw(Waiter<T> waiter) {
    if (waiter.cancel(false)) {
      waiters.remove(waiter);
      return null;
    }
    try {
      return waiter.join();
    } catch (CancellationException e) {
      return null;
    } catch (CompletionException e) {
      throw rethrown(e.getCause());
    }
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
      if (waiter.due(now)) {
        waiter.cancel(false); // wakes it; does nothing if a giver got there first
      }
      if (waiter.isDone()) {
        it.remove();
      } else if (!pending || waiter.deadline - earliest < 0) {
        pending = true;
        earliest = waiter.deadline;
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

  private static RuntimeException rethrown(Throwable cause) {
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }
}
