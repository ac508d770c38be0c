package dev.tusk.errors.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates one exception class per SQLSTATE in {@code dev.tusk.errors}, and the {@code SqlStates}
 * mapper, from PostgreSQL's {@code src/backend/utils/errcodes.txt} kept in {@code
 * tusk-core/src/data/errcodes.txt}. Naming and hierarchy rules: {@link ErrorClassPlan}; DB-API
 * classes: {@link DbApiBase}. The output is already google-java-format clean. Where the copy of
 * errcodes.txt comes from is noted in its first lines.
 *
 * <p>To regenerate after replacing errcodes.txt or changing the generator, from the repository
 * root:
 *
 * <pre>{@code
 * mvn -B -q -pl tusk-core test -Dtest=GeneratedSourcesTest -Dtusk.regenerate=true
 * }</pre>
 *
 * <p>Without {@code -Dtusk.regenerate=true} that test fails, listing the out-of-date files,
 * whenever the sources on disk differ from what this generator produces. {@link #main} does the
 * same rewrite when run with the tusk-core directory as working directory (or as first argument).
 */
public final class ErrorClassGenerator {

  /** The command that rewrites the generated sources, for messages. */
  public static final String REGENERATE_COMMAND =
      "mvn -B -q -pl tusk-core test -Dtest=GeneratedSourcesTest -Dtusk.regenerate=true";

  /** The simple name of the generated class that maps a SQLSTATE to its error class. */
  static final String MAPPER_CLASS = "SqlStates";

  /** The comment that opens every generated file, in the two lines the formatter leaves it. */
  static final String HEADER =
      "// Generated from tusk-core/src/data/errcodes.txt by"
          + " dev.tusk.errors.generator.ErrorClassGenerator.\n// Do not edit.\n";

  private static final Path ERRCODES = Path.of("src", "data", "errcodes.txt");
  private static final Path PACKAGE_DIR = Path.of("src", "main", "java", "dev", "tusk", "errors");

  private ErrorClassGenerator() {}

  /** Rewrites the generated sources of the tusk-core module at {@code args[0]}, or here. */
  public static void main(String[] args) throws IOException {
    Path moduleDir = Path.of(args.length == 0 ? "" : args[0]);
    write(moduleDir);
    System.out.println("Regenerated the error classes in " + moduleDir.toAbsolutePath());
  }

  /**
   * Every generated file of the tusk-core module at {@code moduleDir}, by path (resolved against
   * {@code moduleDir}), with its content.
   */
  public static Map<Path, String> generate(Path moduleDir) throws IOException {
    List<ErrorClass> classes =
        ErrorClassPlan.of(ErrcodesFile.errors(Files.readAllLines(moduleDir.resolve(ERRCODES))));
    Path packageDir = moduleDir.resolve(PACKAGE_DIR);
    Map<Path, String> files = new LinkedHashMap<>();
    for (ErrorClass error : classes) {
      files.put(packageDir.resolve(error.name() + ".java"), ErrorClassSource.render(error));
    }
    files.put(packageDir.resolve(MAPPER_CLASS + ".java"), SqlStatesSource.render(classes));
    return files;
  }

  /**
   * The files on disk that differ from {@link #generate}: missing, changed, or generated earlier
   * but no longer produced.
   */
  public static List<Path> staleFiles(Path moduleDir) throws IOException {
    Map<Path, String> expected = generate(moduleDir);
    List<Path> stale = new ArrayList<>();
    for (Map.Entry<Path, String> file : expected.entrySet()) {
      if (!Files.exists(file.getKey())
          || !Files.readString(file.getKey()).equals(file.getValue())) {
        stale.add(file.getKey());
      }
    }
    previouslyGenerated(moduleDir).stream()
        .filter(p -> !expected.containsKey(p))
        .forEach(stale::add);
    return stale;
  }

  /** Writes every generated file and deletes generated files no longer produced. */
  public static void write(Path moduleDir) throws IOException {
    Map<Path, String> expected = generate(moduleDir);
    for (Path leftover : previouslyGenerated(moduleDir)) {
      if (!expected.containsKey(leftover)) {
        Files.delete(leftover);
      }
    }
    for (Map.Entry<Path, String> file : expected.entrySet()) {
      Files.writeString(file.getKey(), file.getValue());
    }
  }

  /** The files of the package that start with the generated header, sorted. */
  private static List<Path> previouslyGenerated(Path moduleDir) throws IOException {
    try (Stream<Path> files = Files.list(moduleDir.resolve(PACKAGE_DIR))) {
      return files.filter(ErrorClassGenerator::isGenerated).sorted().toList();
    }
  }

  private static boolean isGenerated(Path file) {
    try {
      return file.toString().endsWith(".java") && Files.readString(file).startsWith(HEADER);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
