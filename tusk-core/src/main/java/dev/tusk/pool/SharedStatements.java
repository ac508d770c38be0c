package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One-shot statements of a pool, run without taking a connection for themselves. A Tusk connection
 * pipelines concurrent requests, so each statement joins the free or shared connection with the
 * fewest statements in flight; a connection serving statements is not lent out until they end.
 * While some request waits for exclusive use, statements queue behind it like any request, so they
 * can never starve it.
 */
final class SharedStatements {

  private final ConnectionPool pool;
  private final EntryTable table;
  private final Handoff<PoolEntry> handoff;
  private final Resetter resetter;
  private final PoolCounters counters;
  private final Maintenance maintenance;

  SharedStatements(
      ConnectionPool pool,
      EntryTable table,
      Handoff<PoolEntry> handoff,
      Resetter resetter,
      PoolCounters counters,
      Maintenance maintenance) {
    this.pool = pool;
    this.table = table;
    this.handoff = handoff;
    this.resetter = resetter;
    this.counters = counters;
    this.maintenance = maintenance;
  }

  /** Runs {@code statement} on a shared connection, or on one of its own if none can be shared. */
  <R> Cursor<R> run(Function<Connection, Cursor<R>> statement) {
    PoolEntry entry = join();
    if (entry == null) {
      return LentCursor.results(pool.withConnection(statement));
    }
    try {
      return statement.apply(entry.connection());
    } finally {
      leave(entry);
    }
  }

  /**
   * The async form of {@link #run}: the statement starts on a shared connection, which is left when
   * its future completes; with none to share, {@code exclusive} runs it on a connection of its own.
   */
  <T> CompletableFuture<T> runAsync(
      Function<Connection, CompletableFuture<T>> statement,
      Supplier<CompletableFuture<T>> exclusive) {
    PoolEntry entry = join();
    if (entry == null) {
      return exclusive.get();
    }
    CompletableFuture<T> result;
    try {
      result = statement.apply(entry.connection());
    } catch (RuntimeException e) {
      leave(entry);
      throw e;
    }
    return result.whenComplete((value, failure) -> leave(entry));
  }

  /** A live entry joined for one statement, or null to take the exclusive path. */
  private PoolEntry join() {
    if (!handoff.isEmpty()) {
      return null;
    }
    PoolEntry entry = table.claimShared();
    if (entry == null) {
      return null;
    }
    if (entry.connection().closed() || !entry.qualifies()) {
      leave(entry); // the last one out discards it
      return null;
    }
    counters.requestsNum.increment();
    if (entry.state() > 1 && table.size() < pool.maxSize()) {
      maintenance.wantGrowth(); // every connection is busy: more would spread the load
    }
    return entry;
  }

  /** Leaves a shared entry; the last statement out cleans it up or hands it to a waiter. */
  private void leave(PoolEntry entry) {
    if (!entry.unshare()) {
      return;
    }
    boolean dirty = resetter.needsReset(entry.connection());
    boolean disqualified = !entry.qualifies();
    if ((dirty || disqualified || pool.closing() || !handoff.isEmpty()) && entry.claim()) {
      if (dirty && !resetter.reset(entry.connection())) {
        pool.lose(entry);
      } else if (disqualified) {
        pool.reroute(entry);
      } else if (pool.closing()) {
        pool.retire(entry);
      } else {
        pool.offer(entry);
      }
    }
  }
}
