package dev.tusk.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.LockSupport;

/**
 * One queued request of a {@link Handoff}: a slot that ends exactly once, with an item from a
 * giver, an error, or cancellation (its deadline passed, or it withdrew), and wakes the thread that
 * queued it. Lighter than a {@code CompletableFuture}, which every loan from a busy pool would
 * allocate and wait on: no waiter node of its own, no completion stack, one compare-and-set to end
 * and one unpark.
 *
 * @param <T> what is handed over
 */
final class Waiter<T> implements ForkJoinPool.ManagedBlocker {

  private static final Object CANCELLED = new Object();

  private static final VarHandle OUTCOME;

  static {
    try {
      OUTCOME = MethodHandles.lookup().findVarHandle(Waiter.class, "outcome", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A giver's error, told apart from an item. */
  private record Failure(RuntimeException error) {}

  private final Thread thread;
  private final long deadline;

  /** Null while waiting; then the item, a {@link Failure} or {@link #CANCELLED}, for good. */
  private volatile Object outcome;

  /** A waiter for the calling thread, which alone may {@link #await} it. */
  Waiter(long deadline) {
    this.thread = Thread.currentThread();
    this.deadline = deadline;
  }

  /** When the wait ends without an item, as a {@link System#nanoTime()}. */
  long deadline() {
    return deadline;
  }

  /** Whether the deadline has passed at {@code now}. */
  boolean due(long now) {
    return now - deadline >= 0;
  }

  /** Whether the wait has ended, in any way. */
  boolean isDone() {
    return outcome != null;
  }

  /** Ends the wait with {@code item}; false if it had ended already. */
  boolean complete(T item) {
    return end(item);
  }

  /** Ends the wait with {@code error}; false if it had ended already. */
  boolean fail(RuntimeException error) {
    return end(new Failure(error));
  }

  /** Ends the wait with nothing; true if it is now cancelled, now or before. */
  boolean cancel() {
    return end(CANCELLED) || outcome == CANCELLED;
  }

  private boolean end(Object value) {
    if (outcome == null && OUTCOME.compareAndSet(this, null, value)) {
      LockSupport.unpark(thread);
      return true;
    }
    return false;
  }

  /**
   * Parks until the wait ends or the thread is interrupted (its interrupt is kept); returns whether
   * it ended. A {@link java.util.concurrent.ForkJoinWorkerThread} blocks as a managed blocker, so
   * that its pool can compensate, as it would for a {@code CompletableFuture}.
   */
  boolean await() {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("a waiter is awaited by the thread that queued it");
    }
    try {
      ForkJoinPool.managedBlock(this);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // block() does not throw it; kept for the caller
    }
    return outcome != null;
  }

  /** For {@link ForkJoinPool#managedBlock}: whether the wait has ended or was interrupted. */
  @Override
  public boolean isReleasable() {
    return outcome != null || Thread.currentThread().isInterrupted();
  }

  /** For {@link ForkJoinPool#managedBlock}: parks once; whether the wait may stop blocking. */
  @Override
  public boolean block() {
    if (!isReleasable()) {
      LockSupport.park(this);
    }
    return isReleasable();
  }

  /**
   * The item the wait ended with, or null if it was cancelled; throws the error it was failed with.
   * Only once it has ended.
   */
  @SuppressWarnings("unchecked")
  T item() {
    Object value = outcome;
    if (value instanceof Failure failure) {
      throw failure.error();
    }
    return value == CANCELLED ? null : (T) value;
  }
}
