package dev.tusk.bench.workload;

import dev.tusk.bench.driver.Pgbench;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * b. The point select from 64 virtual threads over a pool of 8 connections and over one shared
 * connection, and from 1,000 virtual threads over the pool of 8.
 */
public final class ConcurrentPointSelect implements Workload {

  static final int CLIENTS = 64;
  private static final int MANY_CLIENTS = 1_000;
  static final int POOL_SIZE = 8;

  /** vertx's default pipelining limit; 1 turns pipelining off. */
  private static final int VERTX_PIPELINING = 256;

  private static final List<Metric> METRICS = PointSelect.METRICS;

  @Override
  public List<Comparison> comparisons(Bench bench) {
    return List.of(
        pool(bench, "b1", CLIENTS), oneConnection(bench), pool(bench, "b3", MANY_CLIENTS));
  }

  private static Comparison pool(Bench bench, String name, int clients) {
    var mode = bench.mode();
    List<Contender> contenders = new ArrayList<>(pooledContenders(bench, clients));
    String pgbenchNote = "";
    if (clients == CLIENTS) {
      pgbenchNote = " pgbench runs 8 connections on 2 threads with no pool, as a C reference.";
      contenders.add(
          Contender.of(
              Labels.PGBENCH + ", 8 clients, 2 threads",
              Driver.PGBENCH,
              () -> Probes.pgbench(mode, Pgbench.find(bench.endpoint()), POOL_SIZE, 2)));
    }
    return new Comparison(
        name,
        "%s. Point select, %,d virtual threads over a pool of %d connections"
            .formatted(name, clients, POOL_SIZE),
        ("The point select of a from %,d clients: virtual threads for Tusk and HikariCP,"
                    + " asynchronous chains for vertx (its best). Tusk's `pool.execute` shares the"
                    + " pool's connections and pipelines the callers on each; Tusk's"
                    + " `pool.connection()` and HikariCP borrow a connection per query.")
                .formatted(clients)
            + pgbenchNote,
        mode.schedule(),
        METRICS,
        contenders);
  }

  private static List<Contender> pooledContenders(Bench bench, int clients) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return List.of(
        Contender.of(
            Labels.TUSK + " pool.execute (shared, pipelined)",
            Driver.TUSK,
            () -> Probes.concurrent(mode, drivers.tusk().pooledPointQuery(POOL_SIZE), clients)),
        Contender.of(
            Labels.TUSK + " pool.connection() per query",
            Driver.TUSK,
            () -> Probes.concurrent(mode, drivers.tusk().borrowingPointQuery(POOL_SIZE), clients)),
        Contender.baseline(
            Labels.HIKARI,
            Driver.HIKARICP,
            () -> Probes.concurrent(mode, drivers.hikari().pooledPointQuery(POOL_SIZE), clients)),
        Contender.of(
            Labels.VERTX + " pool, pipelining " + VERTX_PIPELINING,
            Driver.VERTX,
            () ->
                Probes.asynchronous(
                    mode, drivers.vertx().pooledPointQuery(POOL_SIZE, VERTX_PIPELINING), clients)),
        Contender.of(
            Labels.VERTX + " pool, no pipelining",
            Driver.VERTX,
            () ->
                Probes.asynchronous(
                    mode, drivers.vertx().pooledPointQuery(POOL_SIZE, 1), clients)));
  }

  private static Comparison oneConnection(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "b2",
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
