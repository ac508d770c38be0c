package dev.tusk.bench.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs comparisons cell by cell: opens each probe, warms it up, repeats it, closes it. A failing or
 * hanging cell becomes an outcome and the run goes on with the next one.
 */
public final class Runner {

  private final PrintStream progress;
  private final Duration cellLimit;

  /**
   * A runner reporting each finished cell on {@code progress} and giving up on a cell after {@code
   * cellLimit} (its thread is interrupted and abandoned).
   */
  public Runner(PrintStream progress, Duration cellLimit) {
    this.progress = progress;
    this.cellLimit = cellLimit;
  }

  /** Runs every contender of {@code comparison}. */
  public ComparisonResult run(Comparison comparison) {
    progress.println("== " + comparison.title());
    List<ComparisonResult.Cell> cells = new ArrayList<>();
    for (Contender contender : comparison.contenders()) {
      long started = System.nanoTime();
      Outcome outcome = measureWithinLimit(comparison.schedule(), contender);
      ComparisonResult.Cell cell = new ComparisonResult.Cell(contender, outcome);
      cells.add(cell);
      progress.printf(
          "   %-58s %s  [%.1f s]%n",
          contender.label(),
          describe(cell, comparison.headline()),
          (System.nanoTime() - started) / 1e9);
    }
    return new ComparisonResult(comparison, cells);
  }

  /** Runs the cell on a daemon thread of its own, so that a hung driver cannot stall the run. */
  private Outcome measureWithinLimit(Schedule schedule, Contender contender) {
    FutureTask<Outcome> cell = new FutureTask<>(() -> measure(schedule, contender));
    Thread thread = Thread.ofPlatform().daemon().name("bench-cell").start(cell);
    try {
      return cell.get(cellLimit.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return failure(contender, "timed out after " + cellLimit.toSeconds() + " s");
    } catch (ExecutionException | InterruptedException e) {
      return failure(contender, firstLine(e));
    }
  }

  private static Outcome measure(Schedule schedule, Contender contender) {
    try (Probe probe = contender.opener().open()) {
      for (int i = 0; i < schedule.warmUps(); i++) {
        probe.run(Phase.WARM_UP);
      }
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < schedule.repetitions(); i++) {
        samples.add(probe.run(Phase.MEASURE));
      }
      return new Outcome.Measured(samples);
    } catch (Unavailable e) {
      return new Outcome.Skipped(e.getMessage());
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      // an unfinished driver may fail in any of these ways; the next cell still runs
      return failure(contender, firstLine(e));
    }
  }

  private static Outcome failure(Contender contender, String reason) {
    return contender.driver().inProgress()
        ? new Outcome.NotYet(reason)
        : new Outcome.Failed(reason);
  }

  /** The failure's class and the first line of its message, seen through future wrappers. */
  static String firstLine(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    String first = message == null ? "" : ": " + message.lines().findFirst().orElse("");
    return cause.getClass().getSimpleName() + first;
  }

  private static String describe(ComparisonResult.Cell cell, Metric headline) {
    return switch (cell.outcome()) {
      case Outcome.Measured measured ->
          cell.summary(headline)
              .map(
                  s ->
                      String.format(
                          "%,.0f %s (median of %d)", s.median(), headline.name(), s.count()))
              .orElse("measured");
      case Outcome.NotYet notYet -> "not yet: " + notYet.reason();
      case Outcome.Failed failed -> "FAILED: " + failed.reason();
      case Outcome.Skipped skipped -> "skipped: " + skipped.reason();
    };
  }
}
