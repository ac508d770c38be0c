package dev.tusk.internal.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One daemon thread for the whole JVM that looks at every open session every {@link #PERIOD_NANOS}
 * and lets a session whose I/O thread is stuck in an async callback read on another thread (see
 * {@link Reading#rescueIfStuck()}). It runs only while sessions are open.
 */
final class CallbackWatch {

  /** How long a callback may block an I/O thread before another thread reads in its place. */
  static final long PERIOD_NANOS = 10_000_000L;

  private static final Set<Reading> SESSIONS = ConcurrentHashMap.newKeySet();
  private static final ReentrantLock STARTING = new ReentrantLock();
  private static Thread thread;

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
      for (Reading reading : SESSIONS) {
        reading.rescueIfStuck();
      }
    }
  }
}
