package dev.tusk.bench.report;

import dev.tusk.bench.harness.ComparisonResult;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Outcome;
import dev.tusk.bench.harness.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Renders results as Markdown: a header, then one table per comparison. */
public final class MarkdownReport {

  private MarkdownReport() {}

  /** The whole report. */
  public static String document(Header header, List<ComparisonResult> results, int cores) {
    StringBuilder out = new StringBuilder("# ").append(header.title()).append("\n\n");
    header
        .facts()
        .forEach(
            (label, text) ->
                out.append("- **").append(label).append(":** ").append(text).append('\n'));
    for (ComparisonResult result : results) {
      out.append('\n').append(table(result, cores));
    }
    return out.toString();
  }

  /** One comparison: heading, notes, table, headline ratio. */
  public static String table(ComparisonResult result, int cores) {
    var comparison = result.comparison();
    Metric headline = comparison.headline();
    Optional<ComparisonResult.Cell> baseline = result.baseline();
    String baselineName = baseline.map(cell -> cell.contender().label()).orElse("no baseline ran");
    StringBuilder out = new StringBuilder("### ").append(comparison.title()).append("\n\n");
    out.append("> Client (this JVM or the C tool) and server share this machine's ")
        .append(cores)
        .append(" cores; ")
        .append(result.load().describe())
        .append('.');
    if (result.load().busy(cores)) {
      out.append(
          " **Busy machine:** the load was over twice the core count, so other work competed for"
              + " the cores and ops/s and latencies measured the scheduler as much as the drivers;"
              + " ctx sw/op and client CPU µs/op hold up better.");
    }
    out.append("\n\n");
    out.append(comparison.note()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "Cells: median (min–max) of %d repetition(s). Ratio: %s (%s is better) ÷ the best"
                + " baseline row, %s.%n%n",
            comparison.schedule().repetitions(),
            headline.name(),
            headline.higherIsBetter() ? "higher" : "lower",
            baselineName));
    List<String> heading = new ArrayList<>(List.of("Contender"));
    comparison.metrics().forEach(metric -> heading.add(metric.name()));
    heading.add("ratio");
    out.append(row(heading));
    out.append("|:--").append("|--:".repeat(heading.size() - 1)).append("|\n");
    for (ComparisonResult.Cell cell : result.cells()) {
      out.append(row(cells(result, cell)));
    }
    out.append('\n').append(headlineRatio(result, baselineName)).append('\n');
    return out.toString();
  }

  private static List<String> cells(ComparisonResult result, ComparisonResult.Cell cell) {
    List<Metric> metrics = result.comparison().metrics();
    List<String> cells = new ArrayList<>(List.of(cell.contender().label()));
    String status =
        switch (cell.outcome()) {
          case Outcome.Measured measured -> null;
          case Outcome.NotYet notYet -> "not yet (" + notYet.reason() + ")";
          case Outcome.Failed failed -> "FAILED (" + failed.reason() + ")";
          case Outcome.Skipped skipped -> "skipped (" + skipped.reason() + ")";
        };
    for (Metric metric : metrics) {
      if (status != null) {
        cells.add(metric == metrics.getFirst() ? status : "");
      } else {
        cells.add(cell.summary(metric).map(MarkdownReport::summary).orElse("—"));
      }
    }
    OptionalDouble ratio = result.ratio(cell);
    cells.add(ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "");
    return cells;
  }

  private static String headlineRatio(ComparisonResult result, String baselineName) {
    List<String> parts = new ArrayList<>();
    for (ComparisonResult.Cell cell : result.cells()) {
      if (cell.contender().driver() != Driver.TUSK) {
        continue;
      }
      OptionalDouble ratio = result.ratio(cell);
      parts.add(
          cell.contender().label()
              + " ÷ "
              + baselineName
              + ": "
              + (ratio.isPresent()
                  ? String.format(Locale.ROOT, "**%.2f**", ratio.getAsDouble())
                  : "**not yet**"));
    }
    return parts.isEmpty() ? "" : "Headline: " + String.join("; ", parts) + "\n";
  }

  private static String summary(Summary summary) {
    if (summary.count() == 1) {
      return number(summary.median());
    }
    return number(summary.median())
        + " ("
        + number(summary.min())
        + "–"
        + number(summary.max())
        + ")";
  }

  /** Thousands grouped above 1,000; two decimals below 10. */
  static String number(double value) {
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value);
  }

  private static String row(List<String> cells) {
    StringBuilder out = new StringBuilder("|");
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return out.append('\n').toString();
  }
}
