package dev.tusk.bench.harness;

/**
 * How often a cell runs.
 *
 * @param warmUps runs whose results are discarded
 * @param repetitions runs whose results are reported as median (min–max)
 */
public record Schedule(int warmUps, int repetitions) {

  /** Checks the counts. */
  public Schedule {
    if (warmUps < 0 || repetitions < 1) {
      throw new IllegalArgumentException("warmUps " + warmUps + ", repetitions " + repetitions);
    }
  }
}
