package dev.tusk.errors.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the generated error classes are current; with {@code -Dtusk.regenerate=true}, first
 * rewrites them.
 */
class GeneratedSourcesTest {

  /** Surefire runs tests from the module directory. */
  private static final Path MODULE_DIR = Path.of("");

  @Test
  void generatedSourcesMatchErrcodesTxt() throws IOException {
    if (Boolean.getBoolean("tusk.regenerate")) {
      ErrorClassGenerator.write(MODULE_DIR);
    }
    List<Path> stale = ErrorClassGenerator.staleFiles(MODULE_DIR);
    assertEquals(
        List.of(),
        stale,
        () ->
            stale.size()
                + " generated files are out of date; regenerate with: "
                + ErrorClassGenerator.REGENERATE_COMMAND);
  }

  @Test
  void generatesOneFilePerErrorCodeAndTheMapper() throws IOException {
    var files = ErrorClassGenerator.generate(MODULE_DIR);
    Path uniqueViolation = Path.of("src/main/java/dev/tusk/errors/UniqueViolation.java");
    assertTrue(files.containsKey(uniqueViolation), files.keySet()::toString);
    assertTrue(files.get(uniqueViolation).contains("SQLSTATE = \"23505\";"));
    assertTrue(files.containsKey(Path.of("src/main/java/dev/tusk/errors/SqlStates.java")));
  }
}
