package dev.tusk.bench.harness;

import java.util.Collection;
import java.util.List;

/**
 * The median and range of a cell's repetitions.
 *
 * @param median the middle value (mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
public record Summary(double median, double min, double max, int count) {

  /** Summarises {@code values}, which must not be empty. */
  public static Summary of(Collection<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      throw new IllegalArgumentException("no values");
    }
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Summary(median, sorted.getFirst(), sorted.getLast(), n);
  }
}
