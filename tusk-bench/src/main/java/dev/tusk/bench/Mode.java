package dev.tusk.bench;

import dev.tusk.bench.harness.Phase;
import dev.tusk.bench.harness.Schedule;
import java.time.Duration;
import java.util.Locale;

/** How long and how big: quick (under 3 minutes) or full (under 15 minutes on 2 cores). */
public enum Mode {
  /** One repetition per cell after a short warm-up, 100k-row tables. */
  QUICK(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 100_000, 2, 1, Duration.ofMinutes(2)),
  /** Three repetitions per cell, 1M-row tables. */
  FULL(Duration.ofSeconds(4), Duration.ofSeconds(8), 3, 1_000_000, 5, 3, Duration.ofMinutes(5));

  /** Single-row INSERTs per run of workload e, in both modes. */
  public static final int SINGLE_INSERTS = 10_000;

  private final Duration warmUp;
  private final Duration measure;
  private final int repetitions;
  private final int bulkRows;
  private final int jmhMeasureIterations;
  private final int jmhWarmUpIterations;
  private final Duration cellLimit;

  Mode(
      Duration warmUp,
      Duration measure,
      int repetitions,
      int bulkRows,
      int jmhMeasureIterations,
      int jmhWarmUpIterations,
      Duration cellLimit) {
    this.warmUp = warmUp;
    this.measure = measure;
    this.repetitions = repetitions;
    this.bulkRows = bulkRows;
    this.jmhMeasureIterations = jmhMeasureIterations;
    this.jmhWarmUpIterations = jmhWarmUpIterations;
    this.cellLimit = cellLimit;
  }

  /** The mode named {@code name} ("quick" or "full", any case). */
  public static Mode parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** How long a timed run lasts in {@code phase}. */
  public Duration duration(Phase phase) {
    return switch (phase) {
      case WARM_UP -> warmUp;
      case MEASURE -> measure;
    };
  }

  /** One warm-up run, then the mode's repetitions. */
  public Schedule schedule() {
    return new Schedule(1, repetitions);
  }

  /** Repetitions per cell. */
  public int repetitions() {
    return repetitions;
  }

  /** Rows read by workload c and loaded by workload d. */
  public int bulkRows() {
    return bulkRows;
  }

  /** JMH measurement iterations (of one second) per fork. */
  public int jmhMeasureIterations() {
    return jmhMeasureIterations;
  }

  /** JMH warm-up iterations (of one second) per fork. */
  public int jmhWarmUpIterations() {
    return jmhWarmUpIterations;
  }

  /** How long one cell (all its runs) may take before the harness gives up on it. */
  public Duration cellLimit() {
    return cellLimit;
  }

  /** The mode in words, for the report header. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s: timed cells warm up %d s then run %d s; %d repetition(s) per cell, reported as median"
            + " (min–max); %,d rows for c and d",
        name().toLowerCase(Locale.ROOT),
        warmUp.toSeconds(),
        measure.toSeconds(),
        repetitions,
        bulkRows);
  }
}
