package dev.tusk.bench.workload;

import dev.tusk.bench.harness.Comparison;
import java.util.List;

/** One workload of the benchmark: one or more tables of contenders doing the same work. */
public interface Workload {

  /** The workload's tables, ready to run. */
  List<Comparison> comparisons(Bench bench);
}
