package dev.tusk.bench.driver;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Sample;
import dev.tusk.bench.harness.Unavailable;
import dev.tusk.bench.server.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * psql copying a query's result out in binary into /dev/null (the server's raw row-production
 * rate), or loading a binary file with {@code \copy}: timed by psql's own {@code \timing}, so that
 * psql's start-up and connection do not count.
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
    return timed("COPY (" + query + ") TO STDOUT (FORMAT binary)", rows);
  }

  /**
   * Loads {@code file}, {@code rows} rows in COPY's binary format (see {@link #binaryFile}), into
   * the wide columns of {@code table} with {@code \copy} and returns rows/s.
   */
  public Sample copyIn(String table, Path file, long rows) throws IOException {
    return timed(
        "\\copy " + table + " (" + Tables.WIDE_COLUMNS + ") FROM '" + file + "' (FORMAT binary)",
        rows);
  }

  /** Writes {@code rows} to a new temporary file in COPY's binary format, for {@link #copyIn}. */
  public static Path binaryFile(WideRows rows) throws IOException {
    Path file = Files.createTempFile("tusk-bench-d1-", ".copy");
    try (OutputStream out = Files.newOutputStream(file)) {
      CopyFormat.BINARY.write(rows.rows(), out);
    }
    return file;
  }

  /** Runs one command (SQL or a meta-command) with {@code \timing} on; rows/s by its time. */
  private Sample timed(String commandText, long rows) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null"));
    command.addAll(endpoint.libpqOptions(endpoint.owner()));
    command.addAll(List.of("-d", endpoint.database(), "-c", "\\timing on"));
    command.addAll(List.of("-c", commandText));
    String output = Tools.run(command, endpoint.libpqEnvironment(endpoint.owner()));
    Matcher time = TIME.matcher(output);
    if (!time.find()) {
      throw new IOException("psql printed no timing");
    }
    return Sample.of(Metric.ROWS_PER_SECOND, rows / (Double.parseDouble(time.group(1)) / 1_000));
  }
}
