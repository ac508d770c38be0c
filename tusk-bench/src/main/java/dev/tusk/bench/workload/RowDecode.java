package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Schedule;
import dev.tusk.bench.jmh.JmhRun;
import dev.tusk.bench.jmh.RowDecodeBenchmark;
import java.util.List;
import java.util.Map;

/**
 * Codec micro-benchmark (JMH): decoding one binary wide row of workload c, with no server. No peer
 * exposes its decoding on its own, so this row is Tusk's alone, tracked from run to run.
 */
public final class RowDecode implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    Mode mode = bench.mode();
    return List.of(
        new Comparison(
            "c-decode",
            "c'. Decode one binary wide row, no server (JMH)",
            "int8, text, float8, numeric(12,2), timestamptz, bool, uuid from their binary encoding to their default Java types; JMH average time, %d warm-up and %d measurement iterations of 1 s, one fork per repetition. No peer exposes decoding apart from its result sets, so there is no ratio."
                .formatted(mode.jmhWarmUpIterations(), mode.jmhMeasureIterations()),
            new Schedule(0, mode.repetitions()),
            List.of(Metric.NANOS_PER_OP),
            List.of(
                Contender.of(
                    Labels.TUSK + " codecs",
                    Driver.TUSK,
                    () ->
                        JmhRun.probe(
                            mode, RowDecodeBenchmark.class, "tuskDecodeWideRow", Map.of())))));
  }
}
