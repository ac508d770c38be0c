package dev.tusk.bench;

import dev.tusk.bench.driver.Tools;
import dev.tusk.bench.harness.Allocation;
import dev.tusk.bench.harness.ProcessCounters;
import dev.tusk.bench.harness.Runner;
import dev.tusk.bench.report.Header;
import dev.tusk.bench.report.Machine;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Server;
import dev.tusk.bench.server.ServerFacts;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Collects the facts that head the report. */
final class ReportHeader {

  private ReportHeader() {}

  static Header of(
      List<String> args,
      Mode mode,
      Selection only,
      OptionalInt repetitions,
      Server server,
      ServerFacts facts,
      Machine machine) {
    Endpoint endpoint = server.endpoint();
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    out.put("Mode", mode.describe());
    out.put("Tables", only.describe());
    repetitions.ifPresent(
        n ->
            out.put(
                "Repetitions per cell",
                n + ", overriding the mode's (-Dbench.repetitions); the cells say so too"));
    out.put("Command", "`" + command(args) + "`");
    out.put(
        "JDK",
        System.getProperty("java.vendor")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.name")
            + "), options "
            + ManagementFactory.getRuntimeMXBean().getInputArguments());
    out.put("PostgreSQL", facts.version() + ", " + server.origin());
    out.put("Server settings (SHOW)", facts.describeSettings());
    out.put(
        "Machine",
        machine.describe() + "; client and server share the " + machine.cores() + " cores");
    out.put(
        "Transport",
        "every client connects over TCP to "
            + endpoint.host()
            + ":"
            + endpoint.port()
            + ", no TLS");
    out.put(
        "Peers",
        "pgjdbc %s, HikariCP %s, vertx-pg-client %s, JMH %s, %s, %s"
            .formatted(
                Versions.pgjdbc(),
                Versions.hikaricp(),
                Versions.vertx(),
                Versions.jmh(),
                Tools.version("pgbench").orElse("pgbench not found"),
                Tools.version("psql").orElse("psql not found")));
    out.put(
        "vertx-pg-client",
        "measured at its best: prepared statements cached; point selects driven asynchronously"
            + " (each client issues its next query from the previous one's completion), which beat"
            + " virtual threads blocking on `toCompletionStage().toCompletableFuture().join()` in"
            + " most trials on this machine (by up to 40%); a scan or a connect is awaited with `join()`");
    out.put("Heap allocation", Allocation.method());
    out.put("Context switches and client CPU", ProcessCounters.method());
    out.put(
        "Repetitions",
        "interleaved: every contender of a table is opened and warmed up, then repetition 1 runs"
            + " for each contender in turn, then repetition 2, and so on, so that load from other"
            + " processes falls on every row alike. A cell's warm-up goes on, up to "
            + Runner.EXTRA_WARM_UPS
            + " more runs, while the JIT spends over a tenth of a run compiling");
    return new Header("Tusk benchmark report", out);
  }

  /** The Maven command line when run through Maven (the mvn script exports it), else java's. */
  private static String command(List<String> args) {
    String maven = System.getenv("MAVEN_CMD_LINE_ARGS");
    if (maven != null && !maven.isBlank()) {
      return "mvn " + maven.trim();
    }
    List<String> words = new ArrayList<>(List.of("java"));
    words.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    words.addAll(List.of("-cp", "<class path>", BenchMain.class.getName()));
    words.addAll(args);
    return String.join(" ", words);
  }
}
