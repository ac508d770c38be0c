package dev.tusk.bench.harness;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs comparisons: opens every contender's probe, warms each up, then runs the repetitions round
 * robin (repetition 1 of every contender, then repetition 2 of every contender, ...) and closes
 * them. Interleaving makes a ratio fair on a shared machine: load that comes and goes during a
 * table falls on every row alike instead of on whichever cell ran while it lasted. A failing or
 * hanging cell becomes an outcome and the others go on.
 */
public final class Runner {

  /** At most this many warm-up runs beyond the schedule's, while the JIT is still busy. */
  public static final int EXTRA_WARM_UPS = 5;

  private static final long MIN_JUDGED_MILLIS = 100;

  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  private final PrintStream progress;
  private final Duration cellLimit;
  private final OptionalInt repetitions;

  /**
   * A runner reporting each finished table on {@code progress}, giving up on a cell once its steps
   * have taken {@code cellLimit} in all (its thread is interrupted and abandoned), and running
   * {@code repetitions} per cell when given instead of each table's own count.
   */
  public Runner(PrintStream progress, Duration cellLimit, OptionalInt repetitions) {
    this.progress = progress;
    this.cellLimit = cellLimit;
    this.repetitions = repetitions;
  }

  /** Runs every contender of {@code table}, repetitions interleaved. */
  public ComparisonResult run(Comparison table) {
    Comparison comparison = withOwnRepetitions(table);
    progress.println("== " + comparison.title());
    Schedule schedule = comparison.schedule();
    double loadBefore = LoadAverage.now();
    List<Cell> cells = comparison.contenders().stream().map(Cell::new).toList();
    for (Cell cell : cells) {
      cell.step(
          () -> {
            cell.probe = cell.contender.opener().open();
            cell.warmUp(schedule.warmUps());
          });
    }
    for (int repetition = 0; repetition < schedule.repetitions(); repetition++) {
      for (Cell cell : cells) {
        cell.step(() -> cell.samples.add(cell.probe.run(Phase.MEASURE)));
      }
    }
    LoadAverage load = new LoadAverage(loadBefore, LoadAverage.now());
    List<ComparisonResult.Cell> results = new ArrayList<>();
    for (Cell cell : cells) {
      cell.close();
      ComparisonResult.Cell result = new ComparisonResult.Cell(cell.contender, cell.outcome());
      results.add(result);
      progress.printf(
          "   %-58s %s  [%.1f s%s]%n",
          cell.contender.label(),
          describe(result, comparison.headline()),
          cell.usedNanos / 1e9,
          cell.extraWarmUps == 0 ? "" : ", " + cell.extraWarmUps + " extra warm-up(s): JIT busy");
    }
    return new ComparisonResult(comparison, results, load);
  }

  /** The table, with its repetitions overridden if this runner was given a count. */
  private Comparison withOwnRepetitions(Comparison table) {
    if (repetitions.isEmpty()) {
      return table;
    }
    return new Comparison(
        table.id(),
        table.title(),
        table.note(),
        new Schedule(table.schedule().warmUps(), repetitions.getAsInt()),
        table.metrics(),
        table.contenders());
  }

  /** One step of a cell (open and warm up, or one repetition). */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /** A contender while its table runs: its probe, its samples so far, or why it stopped. */
  private final class Cell {
    private final Contender contender;
    private final List<Sample> samples = new ArrayList<>();
    private Probe probe;
    private Outcome stopped;
    private boolean abandoned;
    private long usedNanos;
    private boolean jitBusy;
    private int extraWarmUps;

    Cell(Contender contender) {
      this.contender = contender;
    }

    /**
     * Runs {@code step} on a platform thread of its own within what is left of the cell's time, so
     * that a hung driver cannot stall the run; does nothing once the cell has stopped.
     */
    void step(Step step) {
      if (stopped != null) {
        return;
      }
      long left = cellLimit.toNanos() - usedNanos;
      FutureTask<Void> task =
          new FutureTask<>(
              () -> {
                step.run();
                return null;
              });
      long started = System.nanoTime();
      Thread thread = Thread.ofPlatform().daemon().name("bench-cell").start(task);
      try {
        task.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        thread.interrupt();
        abandoned = true;
        stopped = failure(contender, "timed out after " + cellLimit.toSeconds() + " s");
      } catch (ExecutionException e) {
        stopped = classify(contender, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = failure(contender, firstLine(e));
      } finally {
        usedNanos += System.nanoTime() - started;
      }
    }

    /** Closes the probe unless its thread was abandoned (it may still be using it). */
    void close() {
      if (probe == null || abandoned) {
        return;
      }
      try {
        probe.close();
      } catch (Exception e) {
        if (stopped == null) {
          stopped = classify(contender, e);
        }
      }
    }

    /**
     * Runs {@code warmUps} warm-up runs, then more (up to {@link #EXTRA_WARM_UPS}) for as long as
     * the JIT spent over a tenth of the last run compiling: a fresh JVM on a few cores is still
     * compiling the drivers' paths long after one second, and its compiler threads take the cores
     * from the client and the server.
     */
    void warmUp(int warmUps) throws Exception {
      for (int run = 0; run < warmUps; run++) {
        warmUpOnce();
      }
      while (warmUps > 0 && jitBusy && extraWarmUps < EXTRA_WARM_UPS) {
        warmUpOnce();
        extraWarmUps++;
      }
    }

    private void warmUpOnce() throws Exception {
      long compiledBefore = COMPILER.getTotalCompilationTime();
      long started = System.nanoTime();
      probe.run(Phase.WARM_UP);
      long wallMillis = (System.nanoTime() - started) / 1_000_000;
      long compiledMillis = COMPILER.getTotalCompilationTime() - compiledBefore;
      // runs shorter than a timed window (a bulk load of a few rows) say nothing about the JIT
      jitBusy = wallMillis >= MIN_JUDGED_MILLIS && compiledMillis > wallMillis / 10;
    }

    Outcome outcome() {
      return stopped != null ? stopped : new Outcome.Measured(samples);
    }
  }

  private static Outcome classify(Contender contender, Throwable failure) {
    if (failure instanceof Unavailable unavailable) {
      return new Outcome.Skipped(unavailable.getMessage());
    }
    // an unfinished driver may fail in any way (LinkageError, AssertionError, ...); the rest go on
    return failure(contender, firstLine(failure));
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
