package dev.tusk.bench.driver;

import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Sample;
import dev.tusk.bench.harness.Unavailable;
import dev.tusk.bench.server.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * psql copying a query's result out in binary into /dev/null: the server's raw row-production rate,
 * timed by psql's own {@code \timing} so that psql's start-up and connection do not count.
 */
public final class Psql {

  private static final Pattern TIME = Pattern.compile("Time: ([0-9.]+) ms");

  private final Path executable;
  private final Endpoint endpoint;

  private Psql(Path executable, Endpoint endpoint) {
    this.executable = executable;
    this.endpoint = endpoint;
  }

  /** psql against {@code endpoint}; throws "psql not found" when it is absent. */
  public static Psql find(Endpoint endpoint) throws Unavailable {
    return new Psql(Tools.find("psql"), endpoint);
  }

  /** Copies {@code query}'s {@code rows} rows out and returns rows/s. */
  public Sample copyOut(String query, long rows) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null"));
    command.addAll(endpoint.libpqOptions(endpoint.owner()));
    command.addAll(List.of("-d", endpoint.database(), "-c", "\\timing on"));
    command.addAll(List.of("-c", "COPY (" + query + ") TO STDOUT (FORMAT binary)"));
    String output = Tools.run(command, endpoint.libpqEnvironment(endpoint.owner()));
    Matcher time = TIME.matcher(output);
    if (!time.find()) {
      throw new IOException("psql printed no timing");
    }
    return Sample.of(Metric.ROWS_PER_SECOND, rows / (Double.parseDouble(time.group(1)) / 1_000));
  }
}
