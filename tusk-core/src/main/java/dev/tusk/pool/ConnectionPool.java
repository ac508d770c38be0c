package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.RowFactory;
import dev.tusk.Tusk;
import dev.tusk.errors.OperationalError;
import dev.tusk.sql.Composable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A pool of reusable connections: the fast path takes a free connection with one compare-and-set
 * and no lock; requests that find none wait in FIFO order and are handed a connection directly by
 * whoever gives one back. One background thread ({@code tusk-pool-<name>}) opens, expires and
 * replaces connections. Safe with any number of virtual or platform threads.
 *
 * <pre>{@code
 * try (ConnectionPool pool = new ConnectionPool("postgresql://app@localhost/app",
 *     PoolOptions.builder().size(2, 10).build())) {
 *   try (Connection conn = pool.connection()) {
 *     conn.execute("INSERT INTO t VALUES ($1)", 42);
 *   }
 *   long n = pool.execute("SELECT count(*) FROM t").fetchOne().getLong(0);
 * }
 * }</pre>
 *
 * <p>A connection given back is reset: an open transaction is rolled back, autocommit turned back
 * on, then the {@code reset} hook runs. Session settings stay, so what the {@code configure} hook
 * set lasts, and each loan starts with the pool's defaults again ({@link PoolOptions#autocommit()},
 * or autocommit off if {@code configure} turned it off). A connection that is closed, lost or fails
 * any of that is discarded, never handed out again.
 *
 * <p>{@link #execute(String, Object...)} does not take a connection for itself: Tusk connections
 * pipeline concurrent requests, so one-shot statements share the free connection with the fewest in
 * flight, while no request waits for exclusive use.
 */
public final class ConnectionPool implements Pool {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final System.Logger LOG = System.getLogger("dev.tusk.pool");

  private final String name;
  private final PoolOptions options;
  private final EntryTable table = new EntryTable();

  /** New connections in the table but not yet offered: waitReady must not count them as ready. */
  private final AtomicInteger adopting = new AtomicInteger();

  private final Handoff<PoolEntry> handoff = new Handoff<>();
  private final PoolCounters counters = new PoolCounters();
  private final PoolLifecycle lifecycle;
  private final Maintenance maintenance;
  private final Resetter resetter;
  private final SharedStatements shared;
  private final Waiting<PoolEntry> waiting;
  private final Lender lender;

  private volatile int minSize;
  private volatile int maxSize;

  /** A pool with the default options, connecting with {@link Tusk#connect(String)}. */
  public ConnectionPool(String conninfo) {
    this(conninfo, PoolOptions.defaults());
  }

  /** A pool connecting with {@link Tusk#connect(String)}; opened now if the options say so. */
  public ConnectionPool(String conninfo, PoolOptions options) {
    this(() -> Tusk.connect(conninfo, options.tracer()), options);
  }

  /** A pool of the connections {@code connector} opens; opened now if the options say so. */
  public ConnectionPool(Supplier<? extends Connection> connector, PoolOptions options) {
    this.options = options;
    this.name = options.name() != null ? options.name() : "pool-" + NAMES.incrementAndGet();
    this.minSize = options.minSize();
    this.maxSize = options.maxSize();
    this.lifecycle = new PoolLifecycle(name, "ConnectionPool", this);
    this.resetter = new Resetter(options.reset());
    ConnectionOpener opener = new ConnectionOpener(name, connector, options, counters);
    this.maintenance = new Maintenance(this, table, opener, options);
    this.waiting =
        new Waiting<>(name, handoff, counters, options.maxWaiting(), maintenance::lastError);
    this.shared = new SharedStatements(this, table, handoff, resetter, counters, maintenance);
    this.lender =
        new Lender(name, lifecycle, counters, options.detectsLeaks(), this::claim, this::giveBack);
    if (options.openOnCreate()) {
      open();
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The options the pool was made with (the sizes may since have been changed by resize). */
  public PoolOptions options() {
    return options;
  }

  @Override
  public void open() {
    if (lifecycle.open()) {
      maintenance.start();
    }
  }

  @Override
  public Connection connection() {
    return connection(options.timeout());
  }

  @Override
  public Connection connection(Duration timeout) {
    return lender.lend(timeout);
  }

  /** A free, checked entry, waiting up to {@code timeout} for one. */
  private PoolEntry claim(Duration timeout) {
    long deadline = 0;
    while (true) {
      PoolEntry entry = handoff.isEmpty() ? table.claimIdle() : null;
      if (entry == null) {
        long since = System.nanoTime();
        if (deadline == 0) {
          deadline = since + timeout.toNanos();
        }
        entry = waiting.await(timeout, since, deadline, this::waitFor);
      }
      if (usable(entry)) {
        return entry;
      }
    }
  }

  /** Whether a claimed entry may be handed out; if not, it is discarded. */
  private boolean usable(PoolEntry entry) {
    Connection connection = entry.connection();
    try {
      if (!connection.closed() && options.check() != null) {
        options.check().accept(connection);
      }
    } catch (RuntimeException e) {
      lose(entry);
      return false;
    }
    if (connection.closed()) {
      lose(entry);
      return false;
    }
    // After the check: its round trip brings any role change the server reported meanwhile.
    if (!entry.qualifies()) {
      reroute(entry);
      return false;
    }
    return true;
  }

  private PoolEntry waitFor(Waiter<PoolEntry> waiter) {
    // Queued now: a connection freed before we queued is still free, and no giver saw us.
    PoolEntry raced = table.claimIdle();
    if (raced != null) {
      PoolEntry given = handoff.withdraw(waiter);
      if (given == null) {
        return raced;
      }
      offer(raced);
      return given;
    }
    OperationalError outage = maintenance.outage();
    if (outage != null && table.size() == 0) {
      PoolEntry given = handoff.withdraw(waiter);
      if (given == null) {
        throw new OperationalError(outage.getMessage(), outage.getCause());
      }
      return given;
    }
    if (table.size() < maxSize) {
      // Room to grow: the maintenance thread opens a connection for us. At full size waking it
      // would only cost a thread switch per request: a retire, which makes room, wakes it itself.
      maintenance.wake();
    }
    return handoff.await(waiter);
  }

  /** Takes back a connection whose loan just ended: resets it, then keeps or retires it. */
  private void giveBack(PoolEntry entry) {
    long now = System.nanoTime();
    counters.usageNanos.add(now - entry.lentAt());
    if (!resetter.reset(entry.connection())) {
      lose(entry);
    } else if (!entry.qualifies()) {
      reroute(entry);
    } else if (lifecycle.closed() || entry.expired(now) || table.size() > maxSize) {
      retire(entry);
    } else {
      entry.idleSince(now);
      offer(entry);
    }
  }

  /** Hands an entry its caller owns to the first waiter, or makes it free. */
  void offer(PoolEntry entry) {
    entry.own();
    while (!handoff.give(entry)) {
      entry.release();
      // A waiter that queued after give() looked must find the entry free or be given it here.
      if (handoff.isEmpty() || !entry.claim()) {
        return;
      }
    }
  }

  /** Runs one statement on a shared connection; see the class comment. */
  @Override
  public Cursor<Row> execute(String sql, Object... params) {
    return runShared(connection -> connection.cursor().fetchSize(0).execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(String sql, Map<String, ?> params) {
    return runShared(connection -> connection.cursor().fetchSize(0).execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(Composable sql, Object... params) {
    return runShared(connection -> connection.cursor().fetchSize(0).execute(sql, params));
  }

  @Override
  public Cursor<Row> execute(Composable sql, Map<String, ?> params) {
    return runShared(connection -> connection.cursor().fetchSize(0).execute(sql, params));
  }

  /** The view's one-shot statements share connections as this pool's own do. */
  @Override
  public <R> PoolQueries<R> withRowFactory(RowFactory<R> rowFactory) {
    return new PoolQueries<>(this, rowFactory, this::runShared);
  }

  private <R> Cursor<R> runShared(Function<Connection, Cursor<R>> statement) {
    lifecycle.requireOpen();
    // Received whole: the connection is shared, and a stream left unread would hold it up.
    return shared.run(statement);
  }

  /** The async form of {@link #execute}, for {@link AsyncConnectionPool}. */
  <T> CompletableFuture<T> executeAsync(
      Function<Connection, CompletableFuture<T>> statement,
      Supplier<CompletableFuture<T>> exclusive) {
    lifecycle.requireOpen();
    return shared.runAsync(statement, exclusive);
  }

  /** Adds a new connection from the maintenance thread and hands it out or makes it free. */
  void adopt(ConnectionOpener.Opened opened) {
    long now = System.nanoTime();
    long lifetime =
        Jitter.lifetime(options.maxLifetime().toNanos(), ThreadLocalRandom.current().nextDouble());
    PoolEntry entry = new PoolEntry(opened, now, lifetime);
    adopting.incrementAndGet();
    table.add(entry);
    if (lifecycle.closed()) {
      retire(entry);
    } else {
      offer(entry);
    }
    adopting.decrementAndGet();
    lifecycle.sizeChanged(); // after the offer: waitReady's caller finds the connection free
  }

  /** Closes an entry its caller owns (or any, when closing by force) and drops it. */
  void retire(PoolEntry entry) {
    if (entry.retire()) {
      table.remove(entry);
      entry.connection().close();
      lifecycle.sizeChanged();
      if (!lifecycle.closed()) {
        maintenance.wake();
      }
    }
  }

  /** Like {@link #retire}, for a connection found broken. */
  void lose(PoolEntry entry) {
    if (entry.state() != PoolEntry.RETIRED) {
      counters.connectionsLost.increment();
    }
    retire(entry);
  }

  /**
   * Like {@link #retire}, for a connection whose server no longer qualifies for its {@code
   * target_session_attrs} (a failover): its replacement walks the hosts again.
   */
  void reroute(PoolEntry entry) {
    if (entry.state() != PoolEntry.RETIRED) {
      counters.connectionsRerouted.increment();
      ConnectionInfo info = entry.connection().info();
      LOG.log(
          Level.INFO,
          "pool {0}: the server at {1}:{2} no longer qualifies for target_session_attrs={3};"
              + " its connection is closed and replaced",
          name,
          info.host(),
          String.valueOf(info.port()),
          info.targetSessionAttrs());
    }
    retire(entry);
  }

  /** Fails every waiter with {@code error} if the pool has no connection to give them. */
  void failWaitersIfEmpty(OperationalError error) {
    if (table.size() == 0) {
      handoff.failAll(() -> new OperationalError(error.getMessage(), error.getCause()));
    }
  }

  boolean hasWaiters() {
    return !handoff.isEmpty();
  }

  /** Whether closing has begun. */
  boolean closing() {
    return lifecycle.closed();
  }

  int minSize() {
    return minSize;
  }

  int maxSize() {
    return maxSize;
  }

  @Override
  public void waitReady(Duration timeout) {
    lifecycle.requireOpen();
    if (!lifecycle.awaitSize(() -> table.size() >= minSize && adopting.get() == 0, timeout)) {
      Throwable cause = maintenance.lastError();
      throw new PoolTimeout(
          "pool " + name + " did not open " + minSize + " connections within " + timeout, cause);
    }
  }

  @Override
  public void resize(int newMin, int newMax) {
    PoolOptions.requireSizes(newMin, newMax);
    minSize = newMin;
    maxSize = newMax;
    for (PoolEntry entry : table.snapshot()) {
      if (table.size() > newMax && entry.reserve()) {
        retire(entry);
      }
    }
    maintenance.wake();
  }

  @Override
  public void checkAll() {
    lifecycle.requireOpen();
    for (PoolEntry entry : table.snapshot()) {
      if (entry.reserve()) {
        try {
          if (options.check() != null) {
            options.check().accept(entry.connection());
          } else {
            Pool.checkConnection(entry.connection());
          }
          if (entry.qualifies()) {
            offer(entry);
          } else {
            reroute(entry);
          }
        } catch (RuntimeException e) {
          lose(entry);
        }
      }
    }
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
    return new PoolCounters.Gauges(
        minSize, maxSize, table.size(), table.available(), handoff.waiting());
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
    lifecycle.stopThread(maintenance::stop);
    long deadline = System.nanoTime() + timeout.toNanos();
    lifecycle.awaitSize(
        () -> {
          for (PoolEntry entry : table.snapshot()) {
            if (entry.reserve()) {
              retire(entry);
            }
          }
          return table.size() == 0;
        },
        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    for (PoolEntry entry : table.snapshot()) {
      retire(entry);
    }
    lifecycle.endClose();
  }

  @Override
  public String toString() {
    return "ConnectionPool[" + name + ", " + stats() + "]";
  }
}
