package dev.tusk.pool;

import dev.tusk.Connection;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lends a pool's connections: the one home of what both pools do for every request for a connection
 * (check the pool is open, count the request, hand out a handle with the pool's loan defaults,
 * record the loan) and where a handle goes back to. Each pool brings only how it finds an entry
 * (reuse or open) and what it does with one given back.
 */
final class Lender {

  private final String pool;
  private final PoolLifecycle lifecycle;
  private final PoolCounters counters;
  private final boolean detectLeaks;
  private final Function<Duration, PoolEntry> obtain;
  private final Consumer<PoolEntry> giveBack;

  /**
   * @param obtain claims or opens an entry, waiting up to the timeout it is given (it throws when
   *     none comes in time)
   * @param giveBack what the pool does with an entry whose loan ended
   */
  Lender(
      String pool,
      PoolLifecycle lifecycle,
      PoolCounters counters,
      boolean detectLeaks,
      Function<Duration, PoolEntry> obtain,
      Consumer<PoolEntry> giveBack) {
    this.pool = pool;
    this.lifecycle = lifecycle;
    this.counters = counters;
    this.detectLeaks = detectLeaks;
    this.obtain = obtain;
    this.giveBack = giveBack;
  }

  /** The pool's name, for errors. */
  String name() {
    return pool;
  }

  /**
   * A connection for exclusive use, from the entry the pool claims or opens within {@code timeout}
   * (it throws when none comes in time). A pool closed meanwhile gets the entry back and the caller
   * {@link PoolClosed}.
   */
  Connection lend(Duration timeout) {
    lifecycle.requireOpen();
    counters.requestsNum.increment();
    LentConnection handle = lendEntry(obtain.apply(timeout));
    if (lifecycle.closed()) {
      handle.close();
      throw new PoolClosed("pool " + pool + " was closed while the request waited");
    }
    return handle;
  }

  private LentConnection lendEntry(PoolEntry entry) {
    LentConnection handle = new LentConnection(this, entry);
    Throwable from = detectLeaks ? new Throwable("connection acquired from pool " + pool) : null;
    entry.lend(handle, System.nanoTime(), from);
    if (!entry.loanAutocommit()) {
      try {
        // Idle connections stay in autocommit, for the pool's shared one-shot statements; the
        // loan's default is set here and undone by the reset when the handle is given back.
        handle.setAutocommit(false);
      } catch (RuntimeException e) {
        handle.close();
        throw e;
      }
    }
    return handle;
  }

  /** Takes back a connection whose loan just ended. */
  void giveBack(PoolEntry entry) {
    giveBack.accept(entry);
  }
}
