package dev.tusk.bench;

import dev.tusk.bench.data.Schema;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.driver.Drivers;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.ComparisonResult;
import dev.tusk.bench.harness.Runner;
import dev.tusk.bench.report.Machine;
import dev.tusk.bench.report.MarkdownReport;
import dev.tusk.bench.server.Admin;
import dev.tusk.bench.server.Server;
import dev.tusk.bench.server.ServerFacts;
import dev.tusk.bench.workload.Bench;
import dev.tusk.bench.workload.Workload;
import dev.tusk.bench.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs the benchmark: starts (or attaches to) the server, creates the data, runs every workload's
 * tables, printing each and rewriting the Markdown report after each.
 *
 * <p>Arguments: {@code --mode=quick|full}, {@code --report=<file>} and {@code --only=<ids>}: a
 * comma-separated list of table ids (e.g. {@code a,a-async,a-pool,b2}) to run only those tables;
 * empty or absent runs them all; {@code --repetitions=<n>} to repeat each cell n times instead of
 * the mode's count.
 */
public final class BenchMain {

  private BenchMain() {}

  /** Runs the benchmark with {@code args} as described above. */
  public static void main(String[] args) throws Exception {
    Mode mode = Mode.parse(option(args, "mode", "quick"));
    Path report = Path.of(option(args, "report", "target/bench-report.md"));
    Selection only = Selection.parse(option(args, "only", ""));
    String repetitionsOption = option(args, "repetitions", "").trim();
    OptionalInt repetitions =
        repetitionsOption.isEmpty()
            ? OptionalInt.empty()
            : OptionalInt.of(Integer.parseInt(repetitionsOption));
    long started = System.nanoTime();
    Machine machine = Machine.current();
    System.out.println(
        "Tusk bench, "
            + mode.describe()
            + "; tables: "
            + only.describe()
            + repetitions.stream()
                .mapToObj(n -> "; " + n + " repetition(s) per cell")
                .findFirst()
                .orElse(""));
    try (Server server = Server.start();
        Admin admin = Admin.open(server.endpoint())) {
      ServerFacts facts = ServerFacts.read(admin);
      System.out.printf("PostgreSQL %s, %s%n", facts.version(), server.origin());
      Schema.create(admin, mode.bulkRows());
      WideRows rows = WideRows.generate(mode.bulkRows());
      System.out.printf("Data ready after %.0f s%n", seconds(started));
      var header = ReportHeader.of(List.of(args), mode, only, repetitions, server, facts, machine);
      List<ComparisonResult> results = new ArrayList<>();
      try (Drivers drivers = Drivers.open(server.endpoint());
          Drivers tlsDrivers = Drivers.open(server.endpoint().overTls())) {
        Bench bench = new Bench(mode, server.endpoint(), drivers, rows, admin, tlsDrivers);
        Runner runner = new Runner(System.out, mode.cellLimit(), repetitions);
        List<Comparison> chosen =
            only.filter(
                comparisons(Workloads.all(), bench), comparisons(Workloads.onRequest(), bench));
        for (Comparison comparison : chosen) {
          ComparisonResult result = runner.run(comparison);
          results.add(result);
          System.out.println();
          System.out.println(MarkdownReport.table(result, machine.cores()));
          write(report, MarkdownReport.document(header, results, machine.cores()));
        }
      }
    }
    System.out.printf(
        "Report written to %s; %.0f s in all.%n", report.toAbsolutePath(), seconds(started));
  }

  private static List<Comparison> comparisons(List<Workload> workloads, Bench bench) {
    List<Comparison> comparisons = new ArrayList<>();
    for (Workload workload : workloads) {
      comparisons.addAll(workload.comparisons(bench));
    }
    return comparisons;
  }

  private static void write(Path report, String text) throws IOException {
    Path parent = report.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(report, text);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String option(String[] args, String name, String fallback) {
    String prefix = "--" + name + "=";
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        return arg.substring(prefix.length());
      }
    }
    return fallback;
  }
}
