package dev.tusk.bench.harness;

import java.util.List;

/** What became of one cell. */
public sealed interface Outcome {

  /**
   * The cell ran: one sample per repetition.
   *
   * @param samples the repetitions' samples, in order
   */
  record Measured(List<Sample> samples) implements Outcome {
    /** Copies the list. */
    public Measured {
      samples = List.copyOf(samples);
    }
  }

  /**
   * Tusk cannot do this yet.
   *
   * @param reason the first line of the failure
   */
  record NotYet(String reason) implements Outcome {}

  /**
   * A finished peer failed: a harness or environment problem worth reading.
   *
   * @param reason the first line of the failure
   */
  record Failed(String reason) implements Outcome {}

  /**
   * The contender cannot run here.
   *
   * @param reason why, e.g. "pgbench not found"
   */
  record Skipped(String reason) implements Outcome {}
}
