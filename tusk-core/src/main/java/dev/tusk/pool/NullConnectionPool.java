package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A pool that keeps nothing: each request opens a connection and giving it back closes it. It still
 * honours {@code maxSize} (requests beyond it wait, FIFO, up to {@code timeout}), {@code
 * maxWaiting}, the {@code configure} and {@code check} hooks and the stats, so that code written
 * for {@link ConnectionPool} runs unchanged in tests and scripts. It has no background thread, so
 * {@code minSize}, {@code maxIdle}, {@code maxLifetime} and {@code leakThreshold} do not apply
 * ({@code pool_min} is reported as 0).
 */
public final class NullConnectionPool implements Pool {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final Object PERMIT = new Object();

  private final String name;
  private final PoolOptions options;
  private final PoolCounters counters = new PoolCounters();
  private final Handoff<Object> handoff = new Handoff<>();
  private final Set<PoolEntry> lent = ConcurrentHashMap.newKeySet();
  private final AtomicInteger permitsTaken = new AtomicInteger();
  private final PoolLifecycle lifecycle;
  private final ConnectionOpener opener;
  private final Waiting<Object> waiting;
  private final Lender lender;
  private volatile int maxSize;
  private volatile Throwable lastError;

  /** A null pool connecting with {@link Tusk#connect(String)}; opened now if the options say so. */
  public NullConnectionPool(String conninfo, PoolOptions options) {
    this(() -> Tusk.connect(conninfo, options.tracer()), options);
  }

  /** A null pool of the connections {@code connector} opens. */
  public NullConnectionPool(Supplier<? extends Connection> connector, PoolOptions options) {
    this.options = options;
    this.name = options.name() != null ? options.name() : "null-pool-" + NAMES.incrementAndGet();
    this.maxSize = options.maxSize();
    this.lifecycle = new PoolLifecycle(name, "NullConnectionPool", this);
    this.opener = new ConnectionOpener(name, connector, options, counters);
    this.waiting = new Waiting<>(name, handoff, counters, options.maxWaiting(), () -> lastError);
    // No maintenance thread would report a leak, so loans record no acquiring stack.
    this.lender = new Lender(name, lifecycle, counters, false, this::openEntry, this::giveBack);
    if (options.openOnCreate()) {
      open();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void open() {
    lifecycle.open();
  }

  @Override
  public Connection connection() {
    return connection(options.timeout());
  }

  @Override
  public Connection connection(Duration timeout) {
    return lender.lend(timeout);
  }

  /** A new entry, once a permit is free (waiting up to {@code timeout} for one). */
  private PoolEntry openEntry(Duration timeout) {
    if (!handoff.isEmpty() || !takePermit()) {
      long since = System.nanoTime();
      long deadline = since + timeout.toNanos();
      waiting.await(timeout, since, deadline, this::waitFor);
    }
    PoolEntry entry = new PoolEntry(openChecked(), System.nanoTime(), Long.MAX_VALUE / 2);
    lent.add(entry);
    return entry;
  }

  /** A new connection that passed the {@code check} hook; on failure the permit goes back. */
  private ConnectionOpener.Opened openChecked() {
    Connection connection = null;
    try {
      ConnectionOpener.Opened opened = opener.open();
      connection = opened.connection();
      lastError = null;
      if (options.check() != null) {
        options.check().accept(connection);
      }
      return opened;
    } catch (RuntimeException e) {
      lastError = e;
      if (connection != null) {
        connection.close();
      }
      counters.requestsErrors.increment();
      givePermitBack();
      throw e;
    }
  }

  private Object waitFor(Waiter<Object> waiter) {
    if (takePermit()) {
      Object given = handoff.withdraw(waiter);
      if (given == null) {
        return PERMIT;
      }
      givePermitBack();
      return given;
    }
    return handoff.await(waiter);
  }

  /** Takes back a connection whose loan just ended: closes it and frees its permit. */
  private void giveBack(PoolEntry entry) {
    counters.usageNanos.add(System.nanoTime() - entry.lentAt());
    if (entry.retire()) {
      entry.connection().close();
      lent.remove(entry);
      givePermitBack();
      lifecycle.sizeChanged();
    }
  }

  private boolean takePermit() {
    while (true) {
      int taken = permitsTaken.get();
      if (taken >= maxSize) {
        return false;
      }
      if (permitsTaken.compareAndSet(taken, taken + 1)) {
        return true;
      }
    }
  }

  /** Passes a permit to the first waiter, or returns it; the same race check as the real pool. */
  private void givePermitBack() {
    while (!handoff.give(PERMIT)) {
      permitsTaken.decrementAndGet();
      if (handoff.isEmpty() || !takePermit()) {
        return;
      }
    }
  }

  /** Returns at once: a null pool has no connections to open ahead. */
  @Override
  public void waitReady(Duration timeout) {
    lifecycle.requireOpen();
  }

  /** Changes {@code maxSize}; {@code minSize} is validated but ignored. */
  @Override
  public void resize(int minSize, int maxSize) {
    PoolOptions.requireSizes(minSize, maxSize);
    this.maxSize = maxSize;
    givePermitBack(); // a larger maximum may let a waiter in
  }

  /** Does nothing: a null pool has no idle connections. */
  @Override
  public void checkAll() {
    lifecycle.requireOpen();
  }

  @Override
  public Map<String, Long> stats() {
    return counters.snapshot(gauges(), false);
  }

  @Override
  public Map<String, Long> popStats() {
    return counters.snapshot(gauges(), true);
  }

  private PoolCounters.Gauges gauges() {
    return new PoolCounters.Gauges(0, maxSize, lent.size(), 0, handoff.waiting());
  }

  @Override
  public boolean closed() {
    return lifecycle.closed();
  }

  @Override
  public void close(Duration timeout) {
    if (!lifecycle.beginClose()) {
      return;
    }
    handoff.failAll(() -> new PoolClosed("pool " + name + " was closed while the request waited"));
    lifecycle.awaitSize(lent::isEmpty, timeout);
    for (PoolEntry entry : lent) {
      if (entry.retire()) {
        entry.connection().close();
        lent.remove(entry);
      }
    }
    lifecycle.endClose();
  }

  @Override
  public String toString() {
    return "NullConnectionPool[" + name + ", " + stats() + "]";
  }
}
