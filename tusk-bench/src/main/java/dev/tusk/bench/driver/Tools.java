package dev.tusk.bench.driver;

import dev.tusk.bench.harness.Unavailable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds and runs PostgreSQL's command-line tools (pgbench, psql). */
public final class Tools {

  private Tools() {}

  /** {@code name} on the PATH, else in /usr/bin, else throws "name not found". */
  static Path find(String name) throws Unavailable {
    return locate(name).orElseThrow(() -> new Unavailable(name + " not found"));
  }

  /** {@code name} on the PATH, else in /usr/bin. */
  static Optional<Path> locate(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
        .filter(directory -> !directory.isEmpty())
        .map(directory -> Path.of(directory, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The first line {@code tool --version} prints, e.g. "pgbench (PostgreSQL) 15.18". */
  public static Optional<String> version(String name) {
    return locate(name)
        .flatMap(
            tool -> {
              try {
                return run(List.of(tool.toString(), "--version"), Map.of()).lines().findFirst();
              } catch (IOException e) {
                return Optional.empty();
              }
            });
  }

  /** Runs {@code command} to completion and returns its standard output. */
  static String run(List<String> command, Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.environment().putAll(environment);
    Path errors = Files.createTempFile("tusk-bench-", ".stderr");
    builder.redirectError(errors.toFile());
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = process.waitFor();
      if (status != 0) {
        String first = Files.readString(errors).lines().findFirst().orElse("");
        throw new IOException(command.getFirst() + " exited with " + status + ": " + first);
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
