package dev.tusk.bench.workload;

import dev.tusk.bench.driver.BareWire;
import dev.tusk.bench.driver.Pgbench;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.List;

/**
 * a. The point select by primary key from one client at a time: on one connection (a), chained
 * asynchronously on one connection (a-async), and borrowing a pooled connection per query (a-pool).
 */
public final class PointSelect implements Workload {

  /** The pool size of b1, so that a-pool and b1 measure the same pools. */
  private static final int POOL_SIZE = 8;

  /**
   * Speed, latency, what each operation costs this JVM, and how long the JIT was still compiling in
   * the window.
   */
  static final List<Metric> METRICS =
      List.of(
          Metric.OPS_PER_SECOND,
          Metric.P50_MICROS,
          Metric.P99_MICROS,
          Metric.SWITCHES_PER_OP,
          Metric.CPU_MICROS_PER_OP,
          Metric.JIT_MILLIS);

  @Override
  public List<Comparison> comparisons(Bench bench) {
    return List.of(oneConnection(bench), asynchronous(bench), pooled(bench));
  }

  private static Comparison oneConnection(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "a",
        "a. Point select by primary key, one connection, sequential",
        "`SELECT id, name, email, balance, created_at FROM accounts WHERE id = $1` (pgjdbc:"
            + " `?`), random ids over 100k rows, every column read as its Java type. pgjdbc and"
            + " Tusk run on one platform thread; vertx runs one asynchronous client. The plain"
            + " loops are the harness's check on itself: the same calls with no clock read"
            + " between them; their ops/s must match the timed rows above them. The bare wire is"
            + " no driver at all: the same Bind, Execute and Sync written by hand on one blocking"
            + " socket and the answer skipped through to ReadyForQuery, nothing decoded; no Java"
            + " client can be faster, so it shows how much the kernel and the server leave to win.",
        mode.schedule(),
        METRICS,
        List.of(
            Contender.of(
                Labels.TUSK,
                Driver.TUSK,
                () -> Probes.sequential(mode, drivers.tusk().pointQuery())),
            Contender.baseline(
                Labels.PGJDBC,
                Driver.PGJDBC,
                () -> Probes.sequential(mode, drivers.pgjdbc().pointQuery())),
            Contender.of(
                Labels.VERTX + ", one connection, one async client",
                Driver.VERTX,
                () -> Probes.asynchronous(mode, drivers.vertx().pointQuery(), 1)),
            Contender.of(
                Labels.PGBENCH + ", 1 client",
                Driver.PGBENCH,
                () -> Probes.pgbench(mode, Pgbench.find(bench.endpoint()), 1, 1)),
            Contender.of(
                Labels.BARE_WIRE,
                Driver.WIRE,
                () -> Probes.sequential(mode, BareWire.open(bench.endpoint()))),
            Contender.of(
                Labels.TUSK + ", plain loop (no per-operation clock)",
                Driver.TUSK,
                () -> Probes.plain(mode, drivers.tusk().pointQuery())),
            Contender.of(
                Labels.PGJDBC + ", plain loop (no per-operation clock)",
                Driver.PGJDBC,
                () -> Probes.plain(mode, drivers.pgjdbc().pointQuery()))));
  }

  private static Comparison asynchronous(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "a-async",
        "a-async. Point select, one connection, one asynchronous chain",
        "The point select of a, each query started from the completion of the previous one, on"
            + " whatever thread completes it, with no thread blocked in between. Tusk:"
            + " `connection.async().execute(...).thenCompose(cursor -> cursor.fetchOne())`;"
            + " vertx: `preparedQuery(...).execute(...).map(...)`.",
        mode.schedule(),
        METRICS,
        List.of(
            Contender.of(
                Labels.TUSK + " async face",
                Driver.TUSK,
                () -> Probes.asynchronous(mode, drivers.tusk().asyncPointQuery(), 1)),
            Contender.baseline(
                Labels.VERTX,
                Driver.VERTX,
                () -> Probes.asynchronous(mode, drivers.vertx().pointQuery(), 1))));
  }

  private static Comparison pooled(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "a-pool",
        "a-pool. Point select, one client borrowing a pooled connection per query",
        ("The point select of a from one platform thread, borrowing a connection from a pool of"
                + " %d for each query and returning it: Tusk `pool.connection()`, HikariCP"
                + " `getConnection()` then `prepareStatement` (pgjdbc's statement cache keeps the"
                + " server-side statement).")
            .formatted(POOL_SIZE),
        mode.schedule(),
        METRICS,
        List.of(
            Contender.of(
                Labels.TUSK + " pool.connection() per query",
                Driver.TUSK,
                () -> Probes.sequential(mode, drivers.tusk().borrowingPointQuery(POOL_SIZE))),
            Contender.baseline(
                Labels.HIKARI,
                Driver.HIKARICP,
                () -> Probes.sequential(mode, drivers.hikari().pooledPointQuery(POOL_SIZE)))));
  }
}
