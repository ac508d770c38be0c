package dev.tusk.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pgbouncer executable and the version it reports ({@code pgbouncer --version}), found among:
 *
 * <ol>
 *   <li>the one the system property {@code tusk.pgbouncer} or the environment variable {@code
 *       TUSK_PGBOUNCER} names (preferred whenever it is recent enough);
 *   <li>builds cached by {@code .ci/pgbouncer} in {@code
 *       ${XDG_CACHE_HOME:-~/.cache}/tusk/pgbouncer-<version>/bin/pgbouncer};
 *   <li>the operating system's ({@code /usr/sbin}, {@code /usr/bin}, the {@code PATH}).
 * </ol>
 *
 * <p>Tests that need a feature of a given release ask {@link #find} for it and skip with {@link
 * #missing}'s reason when there is none.
 *
 * @param path the executable
 * @param version what it reports, e.g. {@code 1.24.1}
 */
public record PgBouncerBinary(Path path, String version) {

  /** The system property naming a pgbouncer executable to prefer. */
  public static final String PROPERTY = "tusk.pgbouncer";

  /** The environment variable naming a pgbouncer executable to prefer. */
  public static final String ENVIRONMENT = "TUSK_PGBOUNCER";

  private static final Pattern VERSION = Pattern.compile("(?m)^PgBouncer (\\d+(?:\\.\\d+)*)");
  private static final List<Path> SYSTEM =
      List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

  /** Whether this version is {@code minimum} (e.g. {@code "1.21"}) or later. */
  public boolean atLeast(String minimum) {
    return compare(version, minimum) >= 0;
  }

  /**
   * The pgbouncer of at least version {@code minimum}: the named one if it qualifies, else the
   * newest found.
   */
  public static Optional<PgBouncerBinary> find(String minimum) {
    Optional<PgBouncerBinary> named = named().flatMap(PgBouncerBinary::of);
    if (named.isPresent() && named.get().atLeast(minimum)) {
      return named;
    }
    return all().stream()
        .filter(binary -> binary.atLeast(minimum))
        .max(Comparator.comparing(PgBouncerBinary::version, PgBouncerBinary::compare));
  }

  /** The operating system's pgbouncer (its package), of whatever version. */
  public static Optional<PgBouncerBinary> system() {
    for (Path candidate : systemCandidates()) {
      Optional<PgBouncerBinary> binary = of(candidate);
      if (binary.isPresent()) {
        return binary;
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@link #find}{@code (minimum)} finds nothing, for a test's skip message: what was found,
   * the reason {@code .ci/pgbouncer} left if its build failed, and how to get one.
   */
  public static String missing(String minimum) {
    StringBuilder why = new StringBuilder("no pgbouncer ").append(minimum).append(" or later");
    List<PgBouncerBinary> found = all();
    why.append(found.isEmpty() ? " (none found at all)" : " (found only " + found + ")");
    try (DirectoryStream<Path> failures = Files.newDirectoryStream(cache(), "pgbouncer-*.failed")) {
      for (Path failure : failures) {
        why.append("; ").append(Files.readString(failure).strip());
      }
    } catch (IOException noCacheYet) {
      // nothing was tried
    }
    return why.append("; run `bash .ci/pgbouncer` to build one into ")
        .append(cache())
        .append(", or name one with -D")
        .append(PROPERTY)
        .append(" or ")
        .append(ENVIRONMENT)
        .toString();
  }

  /** The pgbouncer at {@code path}, if it runs and reports a version within 10 seconds. */
  public static Optional<PgBouncerBinary> of(Path path) {
    if (!Files.isExecutable(path)) {
      return Optional.empty();
    }
    try {
      Process process =
          new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
      // The few lines it prints fit in the pipe's buffer: wait first, so a hang cannot block a
      // read.
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String output;
      try (InputStream out = process.getInputStream()) {
        output = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
      }
      Matcher matcher = VERSION.matcher(output);
      return matcher.find()
          ? Optional.of(new PgBouncerBinary(path.toRealPath(), matcher.group(1)))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "pgbouncer " + version + " (" + path + ")";
  }

  /** Where {@code .ci/pgbouncer} keeps its builds. */
  static Path cache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tusk");
  }

  /** Compares dotted versions numerically, a missing part counting as 0 ("1.21" = "1.21.0"). */
  static int compare(String left, String right) {
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? Integer.parseInt(a[i]) : 0;
      int y = i < b.length ? Integer.parseInt(b[i]) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static Optional<Path> named() {
    String named = System.getProperty(PROPERTY);
    if (named == null || named.isBlank()) {
      named = System.getenv(ENVIRONMENT);
    }
    return named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named));
  }

  /** Every pgbouncer found, each path once. */
  private static List<PgBouncerBinary> all() {
    Set<Path> candidates = new LinkedHashSet<>();
    named().ifPresent(candidates::add);
    try (DirectoryStream<Path> builds = Files.newDirectoryStream(cache(), "pgbouncer-*")) {
      for (Path build : builds) {
        candidates.add(build.resolve("bin").resolve("pgbouncer"));
      }
    } catch (IOException noCacheYet) {
      // no builds
    }
    candidates.addAll(systemCandidates());
    List<PgBouncerBinary> found = new ArrayList<>();
    for (Path candidate : candidates) {
      of(candidate).filter(binary -> !found.contains(binary)).ifPresent(found::add);
    }
    return found;
  }

  private static List<Path> systemCandidates() {
    List<Path> candidates = new ArrayList<>(SYSTEM);
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          candidates.add(Path.of(entry, "pgbouncer"));
        }
      }
    }
    return candidates;
  }
}
