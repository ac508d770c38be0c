package dev.tusk.bench.harness;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A comparison after it ran: each contender with its outcome.
 *
 * @param comparison what was run
 * @param cells one per contender, in the comparison's order
 * @param load the machine's load average as the table started and ended
 */
public record ComparisonResult(Comparison comparison, List<Cell> cells, LoadAverage load) {

  /**
   * One row's outcome.
   *
   * @param contender the row
   * @param outcome what became of it
   */
  public record Cell(Contender contender, Outcome outcome) {

    /** The summary of {@code metric}, if this cell measured it. */
    public Optional<Summary> summary(Metric metric) {
      if (!(outcome instanceof Outcome.Measured measured)) {
        return Optional.empty();
      }
      List<Double> values =
          measured.samples().stream()
              .map(sample -> sample.get(metric))
              .filter(OptionalDouble::isPresent)
              .map(OptionalDouble::getAsDouble)
              .toList();
      return values.isEmpty() ? Optional.empty() : Optional.of(Summary.of(values));
    }
  }

  /** Copies the list. */
  public ComparisonResult {
    cells = List.copyOf(cells);
  }

  /** The best measured baseline cell on the headline metric, if any baseline ran. */
  public Optional<Cell> baseline() {
    Metric headline = comparison.headline();
    Optional<Cell> best = Optional.empty();
    double bestMedian = 0;
    for (Cell cell : cells) {
      Optional<Summary> summary = cell.summary(headline);
      if (!cell.contender().baseline() || summary.isEmpty()) {
        continue;
      }
      double median = summary.get().median();
      if (best.isEmpty()
          || (headline.higherIsBetter() ? median > bestMedian : median < bestMedian)) {
        best = Optional.of(cell);
        bestMedian = median;
      }
    }
    return best;
  }

  /** This cell's headline median divided by the baseline's, if both were measured. */
  public OptionalDouble ratio(Cell cell) {
    Metric headline = comparison.headline();
    Optional<Summary> own = cell.summary(headline);
    Optional<Summary> base = baseline().flatMap(b -> b.summary(headline));
    if (own.isEmpty() || base.isEmpty() || base.get().median() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(own.get().median() / base.get().median());
  }
}
