package dev.tusk.pool;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A pool's life: new, open, closing, closed; its JMX registration while open; and a condition that
 * size changes signal, for {@code waitReady} and for draining on close.
 */
final class PoolLifecycle {

  private static final System.Logger LOG = System.getLogger("dev.tusk.pool");
  private static final Duration THREAD_STOP = Duration.ofSeconds(5);

  private enum State {
    NEW,
    OPEN,
    CLOSING,
    CLOSED
  }

  /** Stops a background thread, waiting at most the given time. */
  interface ThreadStop {
    void stop(Duration timeout) throws InterruptedException;
  }

  private final String name;
  private final ObjectName beanName;
  private final Pool pool;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition sizeChanged = lock.newCondition();
  private volatile State state = State.NEW;

  PoolLifecycle(String name, String type, Pool pool) {
    this.name = name;
    this.pool = pool;
    this.beanName = beanName(type, name);
  }

  /** The JMX name {@code dev.tusk:type=<type>,name=<name>}, quoting the name if it must be. */
  static ObjectName beanName(String type, String name) {
    boolean plain = name.chars().noneMatch(c -> ",=:\"*?\n".indexOf(c) >= 0);
    try {
      return new ObjectName(
          "dev.tusk:type=" + type + ",name=" + (plain ? name : ObjectName.quote(name)));
    } catch (JMException e) {
      throw new IllegalArgumentException("pool name " + name + " cannot be a JMX name", e);
    }
  }

  /** Opens a new pool and returns true; false if already open; fails if closed. */
  boolean open() {
    lock.lock();
    try {
      switch (state) {
        case NEW -> state = State.OPEN;
        case OPEN -> {
          return false;
        }
        case CLOSING, CLOSED -> throw new PoolClosed("pool " + name + " is closed for good");
      }
    } finally {
      lock.unlock();
    }
    register();
    return true;
  }

  /** Throws {@link PoolClosed} unless the pool is open. */
  void requireOpen() {
    State current = state;
    if (current != State.OPEN) {
      throw new PoolClosed(
          current == State.NEW
              ? "pool " + name + " is not open yet"
              : "pool " + name + " is closed");
    }
  }

  /** Whether closing has begun. */
  boolean closed() {
    State current = state;
    return current == State.CLOSING || current == State.CLOSED;
  }

  /** Starts closing; false if that had begun already. */
  boolean beginClose() {
    lock.lock();
    try {
      if (closed()) {
        return false;
      }
      state = State.CLOSING;
      sizeChanged.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the pool's thread, keeping the caller's interrupt if it has one. */
  void stopThread(ThreadStop stop) {
    try {
      stop.stop(THREAD_STOP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends closing: the pool is closed and leaves JMX. */
  void endClose() {
    state = State.CLOSED;
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (server.isRegistered(beanName)) {
        server.unregisterMBean(beanName);
      }
    } catch (JMException e) {
      LOG.log(Level.WARNING, "pool " + name + " could not leave JMX: " + e.getMessage());
    }
  }

  /** Signals that the pool's size changed. */
  void sizeChanged() {
    lock.lock();
    try {
      sizeChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code done} holds, testing it at each size change, for up to {@code timeout};
   * returns whether it held.
   */
  boolean awaitSize(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!done.getAsBoolean()) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
          return false;
        }
        sizeChanged.await(
            Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void register() {
    try {
      ManagementFactory.getPlatformMBeanServer().registerMBean(new PoolBean(pool), beanName);
    } catch (JMException e) {
      // Two pools of one name: the pool works, only the second is not visible in JMX.
      LOG.log(Level.WARNING, "pool " + name + " is not in JMX: " + e.getMessage());
    }
  }
}
