package dev.tusk.bench.harness;

import java.util.List;

/**
 * One table: contenders doing the same work, measured on the same metrics. The first metric is the
 * headline one, on which the ratio column is computed.
 *
 * @param id a short name to select the table by, e.g. "a" or "b2" ({@code -Dbench.only})
 * @param title the table heading
 * @param note what exactly is measured, printed under the heading
 * @param schedule warm-ups and repetitions per cell
 * @param metrics the columns, headline first
 * @param contenders the rows
 */
public record Comparison(
    String id,
    String title,
    String note,
    Schedule schedule,
    List<Metric> metrics,
    List<Contender> contenders) {

  /** Copies the lists. */
  public Comparison {
    metrics = List.copyOf(metrics);
    contenders = List.copyOf(contenders);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs a metric");
    }
  }

  /** The metric the ratio column compares. */
  public Metric headline() {
    return metrics.getFirst();
  }
}
