package dev.tusk.internal.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One daemon thread for the whole JVM that looks at every open session every {@link #PERIOD_NANOS}
 * and lets a session whose I/O thread is stuck in an async callback read on another thread (see
 * {@link Reading#rescueIfStuck()}). It runs only while sessions are open, and looks only while a
 * callback runs: otherwise it sleeps until one starts ({@link #delivering}), since waking a hundred
 * times a second cost an open connection about 1 % of a core even when nothing ran.
 */
final class CallbackWatch {

  /** How long a callback may block an I/O thread before another thread reads in its place. */
  static final long PERIOD_NANOS = 10_000_000L;

  private static final Set<Reading> SESSIONS = ConcurrentHashMap.newKeySet();
  private static final ReentrantLock STARTING = new ReentrantLock();
  private static volatile Thread thread;

  /** Whether the thread sleeps until a callback starts; see {@link #delivering}. */
  private static volatile boolean sleeping;

  private CallbackWatch() {}

  static void watch(Reading reading) {
    SESSIONS.add(reading);
    STARTING.lock();
    try {
      if (thread == null || !thread.isAlive()) {
        thread = Thread.ofPlatform().daemon().name("tusk-callback-watch").start(CallbackWatch::run);
      }
    } finally {
      STARTING.unlock();
    }
  }

  static void forget(Reading reading) {
    SESSIONS.remove(reading);
    if (SESSIONS.isEmpty()) {
      wake(); // to end
    }
  }

  /**
   * Called by a session's I/O thread as it starts a callback, after marking itself as delivering:
   * wakes the thread if it sleeps. Either this sees it sleeping or it sees the delivery (both sides
   * write their flag before they read the other's), so no callback goes unwatched.
   */
  static void delivering() {
    if (sleeping) {
      wake();
    }
  }

  private static void wake() {
    Thread watching = thread;
    if (watching != null) {
      LockSupport.unpark(watching);
    }
  }

  private static void run() {
    while (true) {
      LockSupport.parkNanos(PERIOD_NANOS);
      STARTING.lock();
      try {
        if (SESSIONS.isEmpty()) {
          thread = null;
          return;
        }
      } finally {
        STARTING.unlock();
      }
      boolean delivering = false;
      for (Reading reading : SESSIONS) {
        reading.rescueIfStuck();
        delivering |= reading.isDelivering();
      }
      if (!delivering) {
        sleepUntilDelivery();
      }
    }
  }

  /** Sleeps until a session starts a callback (or ends), unless one has started meanwhile. */
  private static void sleepUntilDelivery() {
    sleeping = true;
    try {
      for (Reading reading : SESSIONS) {
        if (reading.isDelivering()) {
          return;
        }
      }
      if (!SESSIONS.isEmpty()) {
        LockSupport.park();
      }
    } finally {
      sleeping = false;
    }
  }
}
