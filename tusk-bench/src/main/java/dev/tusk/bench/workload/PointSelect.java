package dev.tusk.bench.workload;

import dev.tusk.bench.driver.Pgbench;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.List;

/** a. The point select by primary key, one connection, one client at a time. */
public final class PointSelect implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return List.of(
        new Comparison(
            "a. Point select by primary key, one connection, sequential",
            "`SELECT id, name, email, balance, created_at FROM accounts WHERE id = $1` (pgjdbc:"
                + " `?`), random ids over 100k rows, every column read as its Java type. pgjdbc and"
                + " Tusk run on one platform thread; vertx runs one asynchronous client.",
            mode.schedule(),
            List.of(Metric.OPS_PER_SECOND, Metric.P50_MICROS, Metric.P99_MICROS),
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
                    () -> Probes.pgbench(mode, Pgbench.find(bench.endpoint()), 1, 1)))));
  }
}
