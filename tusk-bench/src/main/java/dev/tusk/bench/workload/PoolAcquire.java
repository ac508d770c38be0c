package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.Versions;
import dev.tusk.bench.driver.TuskDriver;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Probe;
import dev.tusk.bench.harness.Sample;
import dev.tusk.bench.harness.Schedule;
import dev.tusk.bench.jmh.PoolAcquireBenchmark;
import dev.tusk.bench.server.Endpoint;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

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
            "g. Pool acquire + release, no query (JMH)",
            "One thread borrowing a connection from a pool of %d and returning it; JMH average time, %d warm-up and %d measurement iterations of 1 s per fork, one fork per repetition."
                .formatted(
                    PoolAcquireBenchmark.POOL_SIZE,
                    mode.jmhWarmUpIterations(),
                    mode.jmhMeasureIterations()),
            new Schedule(0, mode.repetitions()),
            List.of(Metric.NANOS_PER_OP),
            List.of(
                Contender.of(
                    Labels.TUSK + " pool",
                    Driver.TUSK,
                    () -> {
                      throw new UnsupportedOperationException(TuskDriver.NO_POOL);
                    }),
                Contender.baseline(
                    "HikariCP " + Versions.hikaricp(),
                    Driver.HIKARICP,
                    () -> jmh(mode, bench.endpoint(), "hikariAcquireRelease")))));
  }

  private static Probe jmh(Mode mode, Endpoint endpoint, String method) {
    Options options =
        new OptionsBuilder()
            .include(PoolAcquireBenchmark.class.getName() + "." + method + "$")
            .param("host", endpoint.host())
            .param("port", Integer.toString(endpoint.port()))
            .param("database", endpoint.database())
            .param("user", endpoint.owner().user())
            .param("password", endpoint.owner().optionalPassword().orElse(""))
            .forks(1)
            .jvmArgs("-Xmx1g", "--sun-misc-unsafe-memory-access=allow")
            .warmupIterations(mode.jmhWarmUpIterations())
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(mode.jmhMeasureIterations())
            .measurementTime(TimeValue.seconds(1))
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true)
            .build();
    return phase -> {
      RunResult result = new org.openjdk.jmh.runner.Runner(options).run().iterator().next();
      return Sample.of(Metric.NANOS_PER_OP, result.getPrimaryResult().getScore());
    };
  }
}
