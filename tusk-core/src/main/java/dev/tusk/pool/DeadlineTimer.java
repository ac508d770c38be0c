package dev.tusk.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One timer for the deadlines of a whole queue of waiters, so that the waiters can park without a
 * timeout. A timed park costs a virtual thread an entry in the JDK's delay scheduler and, often, a
 * wake-up of that scheduler's thread, on every wait; a busy pool makes every loan wait. This timer
 * is armed for the earliest deadline it was told of and left alone for later ones: with the usual
 * one timeout for every request, it fires about once per timeout, not once per wait.
 *
 * <p>When it fires, {@code expire} gets the current {@link System#nanoTime()}; it must end every
 * wait due by then and {@link #watch} the earliest deadline still pending. A deadline told to
 * {@link #watch} after its waiter is queued is never missed: firing disarms before {@code expire}
 * looks at the queue, so a waiter either is seen by that look or arms the timer itself.
 *
 * <p>It runs {@code expire} on the JDK's shared delay scheduler thread ({@link
 * CompletableFuture#delayedExecutor}), so {@code expire} must be short and must not block.
 */
final class DeadlineTimer {

  /** No deadline armed. A real deadline equal to it is moved by a nanosecond. */
  private static final long NONE = Long.MIN_VALUE;

  private final AtomicLong armedFor = new AtomicLong(NONE);
  private final LongConsumer expire;

  /** A timer that calls {@code expire} with the time at each deadline it was armed for. */
  DeadlineTimer(LongConsumer expire) {
    this.expire = expire;
  }

  /** Makes sure the timer fires at {@code deadline} (a {@link System#nanoTime()}) or before. */
  void watch(long deadline) {
    long due = deadline == NONE ? deadline + 1 : deadline;
    while (true) {
      long armed = armedFor.get();
      if (armed != NONE && armed - due <= 0) {
        return; // fires no later than due anyway
      }
      if (armedFor.compareAndSet(armed, due)) {
        long delay = Math.max(0, due - System.nanoTime());
        Executor later =
            CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS, Runnable::run);
        later.execute(this::fire);
        return;
      }
    }
  }

  /** Whether the timer is armed, for tests. */
  boolean armed() {
    return armedFor.get() != NONE;
  }

  private void fire() {
    armedFor.set(NONE);
    expire.accept(System.nanoTime());
  }
}
