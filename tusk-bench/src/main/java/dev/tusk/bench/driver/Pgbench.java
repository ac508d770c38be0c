package dev.tusk.bench.driver;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.harness.LatencyLog;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.ProcessCounters;
import dev.tusk.bench.harness.Sample;
import dev.tusk.bench.harness.Unavailable;
import dev.tusk.bench.server.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's pgbench (C, libpq) running the point select as a custom script with {@code -M
 * prepared}; every transaction's latency is logged ({@code -l}) for p50 and p99, and its CPU time
 * (reaped child's) gives client CPU per operation. Its context switches are not visible from here.
 */
public final class Pgbench {

  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final Path executable;
  private final Endpoint endpoint;
  private final String host;

  private Pgbench(Path executable, Endpoint endpoint, String host) {
    this.executable = executable;
    this.endpoint = endpoint;
    this.host = host;
  }

  /** pgbench against {@code endpoint} over TCP; throws "pgbench not found" when it is absent. */
  public static Pgbench find(Endpoint endpoint) throws Unavailable {
    return new Pgbench(Tools.find("pgbench"), endpoint, endpoint.host());
  }

  /** Where libpq and PostgreSQL builds put their Unix sockets by default. */
  private static final List<String> SOCKET_DIRECTORIES = List.of("/tmp", "/var/run/postgresql");

  /**
   * This pgbench over the server's Unix socket instead of TCP, found in the usual directories (only
   * a superuser may read {@code unix_socket_directories}); throws {@link Unavailable} when there is
   * none, as for a server on another machine.
   */
  public Pgbench viaUnixSocket() throws Unavailable {
    String name = ".s.PGSQL." + endpoint.port();
    for (String directory : SOCKET_DIRECTORIES) {
      if (Files.exists(Path.of(directory, name))) {
        return new Pgbench(executable, endpoint, directory);
      }
    }
    throw new Unavailable(
        "no Unix socket " + name + " in " + String.join(" or ", SOCKET_DIRECTORIES));
  }

  /** Runs the point select from {@code clients} connections on {@code threads} threads. */
  public Sample pointSelects(int clients, int threads, Duration duration) throws IOException {
    Path directory = Files.createTempDirectory("tusk-bench-pgbench");
    try {
      Path script = directory.resolve("point-select.sql");
      Files.writeString(
          script,
          "\\set id random(1, %d)\n%s\n"
              .formatted(Tables.ACCOUNT_COUNT, Tables.POINT_SELECT.replace("$1", ":id")));
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      command.addAll(
          List.of("-n", "-M", "prepared", "-f", script.toString(), "-c", "" + clients, "-j"));
      command.addAll(List.of("" + threads, "-T", "" + Math.max(1, duration.toSeconds()), "-l"));
      command.add("--log-prefix=" + directory.resolve("log"));
      command.addAll(endpoint.libpqOptions(host, endpoint.owner()));
      command.add(endpoint.database());
      ProcessCounters before = ProcessCounters.read();
      String output = Tools.run(command, endpoint.libpqEnvironment(endpoint.owner()));
      ProcessCounters used = ProcessCounters.read().since(before);
      Matcher tps = TPS.matcher(output);
      if (!tps.find()) {
        throw new IOException("pgbench printed no tps line");
      }
      LatencyLog latencies = readLogs(directory);
      Sample sample =
          Sample.of(Metric.OPS_PER_SECOND, Double.parseDouble(tps.group(1)))
              .with(Metric.P50_MICROS, latencies.percentileMicros(50))
              .with(Metric.P99_MICROS, latencies.percentileMicros(99));
      return used.childPerOperation(sample, latencies.size());
    } finally {
      deleteFlat(directory);
    }
  }

  /** Each log line is "client transaction latency_us script epoch_s epoch_us". */
  private static LatencyLog readLogs(Path directory) throws IOException {
    LatencyLog log = new LatencyLog();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("log")).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines.forEach(line -> log.add(Long.parseLong(line.split(" ", 4)[2]) * 1_000));
        }
      }
    }
    return log;
  }

  private static void deleteFlat(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }
}
