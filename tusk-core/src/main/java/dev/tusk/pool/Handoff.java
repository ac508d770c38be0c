package dev.tusk.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The FIFO of requests waiting for an item (a connection, or a permit to open one). A waiter is a
 * {@link CompletableFuture} that a giver completes directly with the item, so a sync waiter parks
 * on it and an async one could chain on it. Lock-free: no waiter is ever pinned or woken for
 * nothing.
 *
 * <p>A waiter whose future was cancelled (timed out) is skipped and dropped by the next giver. A
 * giver that finds no waiter keeps its item; to close the race with a waiter that enqueues just
 * then, the giver checks {@link #isEmpty()} again after publishing the item as free, and the waiter
 * looks for a free item after enqueueing.
 *
 * @param <T> what is handed over
 */
final class Handoff<T> {

  private final ConcurrentLinkedQueue<CompletableFuture<T>> waiters = new ConcurrentLinkedQueue<>();

  /** Waiters between {@link #enqueue} and {@link #leave}, for the {@code maxWaiting} limit. */
  private final AtomicInteger waiting = new AtomicInteger();

  /** Whether no waiter is queued. */
  boolean isEmpty() {
    return waiters.isEmpty();
  }

  /** How many requests wait now. */
  int waiting() {
    return waiting.get();
  }

  /**
   * Queues a new waiter at the tail, or returns null if {@code limit} (if positive) waiters are
   * already there. Every waiter returned must {@link #leave} once done.
   */
  CompletableFuture<T> enqueue(int limit) {
    if (waiting.incrementAndGet() > limit && limit > 0) {
      waiting.decrementAndGet();
      return null;
    }
    CompletableFuture<T> waiter = new CompletableFuture<>();
    waiters.add(waiter);
    return waiter;
  }

  /** Gives {@code item} to the longest-waiting live waiter; false if there is none. */
  boolean give(T item) {
    CompletableFuture<T> waiter;
    while ((waiter = waiters.poll()) != null) {
      if (waiter.complete(item)) {
        return true;
      }
    }
    return false;
  }

  /** Fails every queued waiter with a fresh error from {@code error}. */
  void failAll(Supplier<? extends RuntimeException> error) {
    CompletableFuture<T> waiter;
    while ((waiter = waiters.poll()) != null) {
      waiter.completeExceptionally(error.get());
    }
  }

  /**
   * Waits up to {@code nanos} for an item. Returns null on timeout or interrupt, having withdrawn
   * the waiter; but if an item arrived meanwhile, returns it instead. Throws the error a giver
   * failed the waiter with.
   */
  T await(CompletableFuture<T> waiter, long nanos) {
    try {
      return waiter.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
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
  T withdraw(CompletableFuture<T> waiter) {
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

  /** Marks the end of a waiter's wait (whatever its outcome). */
  void leave() {
    waiting.decrementAndGet();
  }

  private static RuntimeException rethrown(Throwable cause) {
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }
}
