package dev.tusk.internal.engine;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The CancelRequests of one session that are on their way to the server. PostgreSQL cancels
 * whatever the backend runs when a cancel arrives, and a cancel travels over a socket of its own,
 * which takes longer to connect than a request takes to follow the one it was meant for: a request
 * written while a cancel is on its way could be the one cancelled. So a request submitted meanwhile
 * waits until the cancel has reached the server (it then hits the request it was meant for, or an
 * idle backend, which ignores it).
 */
final class CancelsInFlight {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition none = lock.newCondition();

  // Guarded by lock; sending mirrors it for the lock-free check on every submit.
  private int count;
  private volatile boolean sending;

  /** A cancel is about to be sent. */
  void started() {
    lock.lock();
    try {
      count++;
      sending = true;
    } finally {
      lock.unlock();
    }
  }

  /** A cancel has been sent (the server has read it), or given up. */
  void ended() {
    lock.lock();
    try {
      if (--count == 0) {
        sending = false;
        none.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once no cancel is on its way, or after {@code limit} (a cancel's own timeout bounds
   * it). An interrupt ends the wait early and stays set, for the caller's own wait to act on.
   */
  void awaitNone(Duration limit) {
    if (!sending) {
      return;
    }
    long nanos = limit.toNanos();
    lock.lock();
    try {
      while (count > 0 && nanos > 0) {
        nanos = none.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
