package dev.tusk.bench.jmh;

import dev.tusk.bench.Mode;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Probe;
import dev.tusk.bench.harness.Sample;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One JMH benchmark method as a harness probe: one fork per repetition, the mode's warm-up and
 * measurement iterations of 1 s each, average time in ns/op.
 */
public final class JmhRun {

  private JmhRun() {}

  /** A probe running {@code benchmark.method} with these JMH parameters. */
  public static Probe probe(
      Mode mode, Class<?> benchmark, String method, Map<String, String> parameters) {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(benchmark.getName() + "." + method + "$")
            .forks(1)
            .jvmArgs("-Xmx1g", "--sun-misc-unsafe-memory-access=allow")
            .warmupIterations(mode.jmhWarmUpIterations())
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(mode.jmhMeasureIterations())
            .measurementTime(TimeValue.seconds(1))
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true);
    parameters.forEach(options::param);
    return phase -> {
      RunResult result = new Runner(options.build()).run().iterator().next();
      return Sample.of(Metric.NANOS_PER_OP, result.getPrimaryResult().getScore());
    };
  }
}
