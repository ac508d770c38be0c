package dev.tusk.pool;

import dev.tusk.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One physical connection of a pool and its state. The state is one atomic int: {@code n >= 0}
 * means free for exclusive use when 0 and serving {@code n} shared one-shot statements otherwise;
 * the negative values are {@link #LENT}, {@link #RESERVED} and {@link #RETIRED}. Every change of
 * owner is one compare-and-set, so two threads can never both own an entry.
 */
final class PoolEntry {

  /** Lent for exclusive use (or being handed over, reset or checked by whoever claimed it). */
  static final int LENT = -1;

  /** Taken by the maintenance thread to check or expire it. */
  static final int RESERVED = -2;

  /** Closed and out of the pool. */
  static final int RETIRED = -3;

  private final Connection connection;
  private final boolean loanAutocommit;
  private final long expiresAt;
  private final AtomicInteger state = new AtomicInteger(LENT);

  /** The handle the current borrower holds; a handle that is not this one is stale. */
  private final AtomicReference<LentConnection> holder = new AtomicReference<>();

  // Plain: written by the entry's owner before it publishes a state change (release(), a handoff,
  // the holder), read by others after seeing that change; the maintenance thread's reads may race
  // a newer loan and then see a newer value, which is as good.
  private long idleSince;
  private long lentAt;

  // Written only when they change, so a loan with leak detection off stores neither.
  private volatile Throwable lentFrom;
  private volatile boolean leakReported;

  /** A new entry, owned (state {@link #LENT}) by its creator until first offered. */
  PoolEntry(ConnectionOpener.Opened opened, long createdAt, long lifetimeNanos) {
    this.connection = opened.connection();
    this.loanAutocommit = opened.loanAutocommit();
    this.expiresAt = createdAt + lifetimeNanos;
    this.idleSince = createdAt;
  }

  Connection connection() {
    return connection;
  }

  /**
   * Whether the server still qualifies for the connection's {@code target_session_attrs}, as far as
   * it has told the connection (no round trip); false after a failover changed its role.
   */
  boolean qualifies() {
    return connection.info().qualifies();
  }

  /** Whether a borrower gets the connection in autocommit mode (idle, it always is). */
  boolean loanAutocommit() {
    return loanAutocommit;
  }

  /** Claims the entry for exclusive use if it is free. */
  boolean claim() {
    return state.get() == 0 && state.compareAndSet(0, LENT);
  }

  /** Claims the entry for the maintenance thread if it is free. */
  boolean reserve() {
    return state.get() == 0 && state.compareAndSet(0, RESERVED);
  }

  /** Joins the entry's shared one-shots if it is free or shared already, at {@code seen}. */
  boolean share(int seen) {
    return seen >= 0 && state.compareAndSet(seen, seen + 1);
  }

  /** Leaves a shared one-shot; true if that made the entry free. */
  boolean unshare() {
    return state.decrementAndGet() == 0;
  }

  /** Makes an owned entry free. */
  void release() {
    state.set(0);
  }

  /** Marks an entry its caller owns (reserved, new or lent) as lent, before handing it over. */
  void own() {
    if (state.get() != LENT) {
      state.set(LENT);
    }
  }

  /** Marks an owned entry as out of the pool; false if it already was. */
  boolean retire() {
    return state.getAndSet(RETIRED) != RETIRED;
  }

  /** The raw state, for scans and gauges. */
  int state() {
    return state.get();
  }

  boolean expired(long now) {
    return now - expiresAt >= 0;
  }

  long expiresAt() {
    return expiresAt;
  }

  long idleSince() {
    return idleSince;
  }

  void idleSince(long now) {
    idleSince = now;
  }

  /** Records a new loan; {@code from} is the acquiring stack, or null when leaks go unwatched. */
  void lend(LentConnection handle, long now, Throwable from) {
    lentAt = now; // before lentFrom: a leak check that sees this loan's stack sees its start
    if (lentFrom != from) {
      lentFrom = from;
    }
    if (leakReported) {
      leakReported = false;
    }
    // The handle reaches any other thread only through a later publication, which orders this.
    holder.lazySet(handle);
  }

  /** Ends the loan of {@code handle}; false if it had already ended. */
  boolean endLoan(LentConnection handle) {
    if (!holder.compareAndSet(handle, null)) {
      return false;
    }
    if (lentFrom != null) {
      lentFrom = null;
    }
    return true;
  }

  /** Whether {@code handle} is the current loan. */
  boolean lentTo(LentConnection handle) {
    return holder.get() == handle;
  }

  long lentAt() {
    return lentAt;
  }

  /** When the current loan becomes a leak to report, or never if it is reported or unwatched. */
  long leakDeadline(long threshold) {
    return lentFrom == null || leakReported ? Long.MAX_VALUE : lentAt + threshold;
  }

  /**
   * The acquiring stack of a loan older than {@code threshold} at {@code now} not yet reported,
   * marking it reported; else null.
   */
  Throwable unreportedLeak(long now, long threshold) {
    Throwable from = lentFrom;
    if (from == null || leakReported || state.get() != LENT || now - lentAt < threshold) {
      return null;
    }
    leakReported = true;
    return from;
  }
}
