package dev.tusk.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one repetition of one cell measured: a value per metric. A metric a contender cannot measure
 * (a latency pgbench does not log, say) is simply absent.
 *
 * @param values the measured values
 */
public record Sample(Map<Metric, Double> values) {

  /** Copies {@code values}. */
  public Sample {
    values = Map.copyOf(values);
  }

  /** A sample of one value. */
  public static Sample of(Metric metric, double value) {
    return new Sample(Map.of(metric, value));
  }

  /** This sample plus {@code metric}. */
  public Sample with(Metric metric, double value) {
    Map<Metric, Double> more = new LinkedHashMap<>(values);
    more.put(metric, value);
    return new Sample(more);
  }

  /** The value of {@code metric}, if measured. */
  public OptionalDouble get(Metric metric) {
    Double value = values.get(metric);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
