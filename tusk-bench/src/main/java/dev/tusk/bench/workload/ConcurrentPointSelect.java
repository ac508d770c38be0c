package dev.tusk.bench.workload;

import dev.tusk.bench.driver.Pgbench;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.List;

/**
 * b. The point select from 64 virtual threads, over a pool of 8 connections and over one shared
 * connection.
 */
public final class ConcurrentPointSelect implements Workload {

  private static final int CLIENTS = 64;
  private static final int POOL_SIZE = 8;

  /** vertx's default pipelining limit; 1 turns pipelining off. */
  private static final int VERTX_PIPELINING = 256;

  private static final List<Metric> METRICS =
      List.of(Metric.OPS_PER_SECOND, Metric.P50_MICROS, Metric.P99_MICROS);

  @Override
  public List<Comparison> comparisons(Bench bench) {
    return List.of(pool(bench), oneConnection(bench));
  }

  private static Comparison pool(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "b1. Point select, 64 virtual threads over a pool of 8 connections",
        "The point select of a from 64 clients, each borrowing a connection per query: virtual"
            + " threads for Tusk and HikariCP, asynchronous chains for vertx (its best). pgbench"
            + " runs 8 connections on 2 threads with no pool, as a C reference.",
        mode.schedule(),
        METRICS,
        List.of(
            Contender.of(
                Labels.TUSK + " pool",
                Driver.TUSK,
                () -> Probes.concurrent(mode, drivers.tusk().pooledPointQuery(POOL_SIZE), CLIENTS)),
            Contender.baseline(
                Labels.HIKARI,
                Driver.HIKARICP,
                () ->
                    Probes.concurrent(mode, drivers.hikari().pooledPointQuery(POOL_SIZE), CLIENTS)),
            Contender.of(
                Labels.VERTX + " pool, pipelining " + VERTX_PIPELINING,
                Driver.VERTX,
                () ->
                    Probes.asynchronous(
                        mode,
                        drivers.vertx().pooledPointQuery(POOL_SIZE, VERTX_PIPELINING),
                        CLIENTS)),
            Contender.of(
                Labels.VERTX + " pool, no pipelining",
                Driver.VERTX,
                () ->
                    Probes.asynchronous(
                        mode, drivers.vertx().pooledPointQuery(POOL_SIZE, 1), CLIENTS)),
            Contender.of(
                Labels.PGBENCH + ", 8 clients, 2 threads",
                Driver.PGBENCH,
                () -> Probes.pgbench(mode, Pgbench.find(bench.endpoint()), POOL_SIZE, 2))));
  }

  private static Comparison oneConnection(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "b2. Point select, 64 virtual threads sharing one connection",
        "The point select of a from 64 clients sharing one connection: virtual threads for"
            + " Tusk, which pipelines their requests automatically, and pgjdbc, which serialises"
            + " them internally (each thread prepares its own statement); 64 asynchronous chains"
            + " for vertx, which pipelines them.",
        mode.schedule(),
        METRICS,
        List.of(
            Contender.of(
                Labels.TUSK + ", automatic pipelining",
                Driver.TUSK,
                () -> Probes.concurrent(mode, drivers.tusk().pointQuery(), CLIENTS)),
            Contender.baseline(
                Labels.PGJDBC + ", one shared connection",
                Driver.PGJDBC,
                () -> Probes.concurrent(mode, drivers.pgjdbc().sharedPointQuery(), CLIENTS)),
            Contender.of(
                Labels.VERTX + ", one connection, pipelining " + VERTX_PIPELINING,
                Driver.VERTX,
                () -> Probes.asynchronous(mode, drivers.vertx().pointQuery(), CLIENTS))));
  }
}
