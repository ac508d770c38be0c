package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.Versions;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Probe;
import dev.tusk.bench.harness.Schedule;
import dev.tusk.bench.jmh.JmhRun;
import dev.tusk.bench.jmh.PoolAcquireBenchmark;
import dev.tusk.bench.server.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * g. Pool acquire and release with no query, measured by JMH: one fork per repetition, JMH's own
 * warm-up iterations in each fork.
 */
public final class PoolAcquire implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    Mode mode = bench.mode();
    return List.of(
        new Comparison(
            "g",
            "g. Pool acquire + release, no query (JMH)",
            "One thread borrowing a connection from a pool of %d and returning it (Tusk: `pool.connection()` then `close()`; HikariCP: `getConnection()` then `close()`); JMH average time, %d warm-up and %d measurement iterations of 1 s per fork, one fork per repetition."
                .formatted(
                    PoolAcquireBenchmark.POOL_SIZE,
                    mode.jmhWarmUpIterations(),
                    mode.jmhMeasureIterations()),
            new Schedule(0, mode.repetitions()),
            List.of(Metric.NANOS_PER_OP),
            List.of(
                Contender.of(
                    Labels.TUSK + " ConnectionPool",
                    Driver.TUSK,
                    () -> jmh(mode, bench.endpoint(), "tuskAcquireRelease")),
                Contender.baseline(
                    "HikariCP " + Versions.hikaricp(),
                    Driver.HIKARICP,
                    () -> jmh(mode, bench.endpoint(), "hikariAcquireRelease")))));
  }

  private static Probe jmh(Mode mode, Endpoint endpoint, String method) {
    return JmhRun.probe(
        mode,
        PoolAcquireBenchmark.class,
        method,
        Map.of(
            "host", endpoint.host(),
            "port", Integer.toString(endpoint.port()),
            "database", endpoint.database(),
            "user", endpoint.owner().user(),
            "password", endpoint.owner().optionalPassword().orElse("")));
  }
}
