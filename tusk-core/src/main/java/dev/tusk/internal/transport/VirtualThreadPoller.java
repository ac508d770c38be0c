package dev.tusk.internal.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Where virtual threads wait for a socket to become readable: one selector for every channel of the
 * process, watched by one virtual thread.
 *
 * <p>Why not each channel's own selector: a virtual thread blocked in {@code Selector.select} parks
 * on the JDK's master poller, a platform thread that wakes for every readiness and hands the
 * virtual thread back to the scheduler from outside it. With HikariCP lending 8 connections to 64
 * virtual threads, that thread cost about 3 µs of CPU per query more than pgjdbc's blocking reads,
 * whose waits go through the JDK's sub-pollers: virtual threads that unpark waiters from inside the
 * scheduler and, while events keep coming, poll without blocking. This class does the same for
 * Tusk's non-blocking channels, whose waits an interrupt must end without closing the socket (a
 * blocking socket closes when its virtual thread is interrupted).
 *
 * <p>A waiter arms its channel's interest and parks; the poller thread disarms each channel it
 * finds ready and unparks its waiter. Returns may be spurious: callers retry their read.
 */
final class VirtualThreadPoller implements Runnable {

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.transport");

  /**
   * How long the poller pauses after its selector failed, so that a lasting failure cannot spin.
   */
  private static final long PAUSE_AFTER_FAILURE_NANOS = 1_000_000L;

  private final Selector selector;

  /**
   * Whether the poller thread is in, or about to enter, a blocking select: a waiter that arms its
   * interest then wakes the selector, since a new interest only counts from the next select.
   */
  private volatile boolean blocking;

  private VirtualThreadPoller(Selector selector) {
    this.selector = selector;
  }

  /** Started on first use, so a process whose callers are all platform threads never has it. */
  private static final class Holder {
    static final VirtualThreadPoller INSTANCE = start();

    private static VirtualThreadPoller start() {
      try {
        VirtualThreadPoller poller = new VirtualThreadPoller(Selector.open());
        Thread.ofVirtual().name("tusk-poller").start(poller);
        return poller;
      } catch (IOException e) {
        LOGGER.log(
            Level.WARNING, "no shared poller; virtual threads wait in their own selector", e);
        return null;
      }
    }
  }

  /** The process's poller, or null if it could not be opened (callers then wait as before). */
  static VirtualThreadPoller instance() {
    return Holder.INSTANCE;
  }

  /** Registers {@code channel} (non-blocking) with no interest yet. */
  Registration register(SelectableChannel channel) throws IOException {
    SelectionKey key = channel.register(selector, 0);
    Registration registration = new Registration(this, key);
    // Attached before any interest is armed, so the poller never selects a key without it.
    key.attach(registration);
    return registration;
  }

  /** A channel's place in the poller: its key and the virtual thread waiting on it, if any. */
  static final class Registration {
    private final VirtualThreadPoller poller;
    private final SelectionKey key;
    private volatile Thread waiter;
    private volatile boolean ready;

    private Registration(VirtualThreadPoller poller, SelectionKey key) {
      this.poller = poller;
      this.key = key;
    }

    /**
     * Parks the current thread until the channel is readable, {@code timeoutNanos} pass (0 or less:
     * no limit), the thread is interrupted (its flag stays set) or {@link #wake} is called.
     *
     * @return whether the poller found the channel readable
     * @throws CancelledKeyException if the channel was closed
     */
    boolean awaitReadable(long timeoutNanos) {
      ready = false;
      waiter = Thread.currentThread();
      try {
        key.interestOps(SelectionKey.OP_READ);
        // A Dekker pair with run(): it sets blocking before its select applies queued interests,
        // so either that select sees this interest or this thread sees blocking and wakes it.
        if (poller.blocking) {
          poller.selector.wakeup();
        }
        if (!ready) {
          if (timeoutNanos > 0) {
            LockSupport.parkNanos(this, timeoutNanos);
          } else {
            LockSupport.park(this);
          }
        }
        return ready;
      } finally {
        waiter = null;
      }
    }

    /** Makes the thread waiting here, if any, return now. */
    void wake() {
      Thread thread = waiter;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }

    /**
     * Drops this registration once its channel is closed: the selector lets go of the channel at
     * its next select (only then is the socket's descriptor released), so it is woken for that now.
     */
    void cancel() {
      key.cancel();
      poller.selector.wakeup();
      wake();
    }

    /** The poller found the channel readable: disarms it until its next waiter, and wakes it. */
    private void selected() {
      try {
        // The selector is level-triggered.
        key.interestOps(0);
      } catch (CancelledKeyException e) {
        // Closed meanwhile; its waiter is woken all the same.
      }
      ready = true;
      wake();
    }
  }

  @Override
  public void run() {
    while (true) {
      try {
        int selected = selector.selectNow();
        if (selected == 0) {
          blocking = true;
          try {
            selected = selector.select();
          } finally {
            blocking = false;
          }
        }
        if (selected > 0) {
          wakeSelected();
          // As the JDK's sub-pollers do: let the threads just woken run before the next poll, which
          // then often finds more without blocking.
          Thread.yield();
        }
      } catch (IOException | RuntimeException e) {
        LOGGER.log(Level.WARNING, "the shared poller's select failed; its waiters retry", e);
        wakeAll();
        LockSupport.parkNanos(this, PAUSE_AFTER_FAILURE_NANOS);
      }
    }
  }

  private void wakeSelected() {
    Set<SelectionKey> keys = selector.selectedKeys();
    for (SelectionKey key : keys) {
      ((Registration) key.attachment()).selected();
    }
    keys.clear();
  }

  private void wakeAll() {
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof Registration registration) {
        registration.wake();
      }
    }
  }
}
