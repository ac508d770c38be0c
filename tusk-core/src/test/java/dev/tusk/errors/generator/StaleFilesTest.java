package dev.tusk.errors.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staleness check that guards the generated sources, on a small module of its own. */
class StaleFilesTest {

  @TempDir Path module;
  private Path packageDir;

  @BeforeEach
  void writeErrcodesAndGenerate() throws IOException {
    Files.createDirectories(module.resolve("src/data"));
    packageDir = Files.createDirectories(module.resolve("src/main/java/dev/tusk/errors"));
    Files.writeString(
        module.resolve("src/data/errcodes.txt"),
        """
        Section: Class 23 - Integrity Constraint Violation
        23000    E    ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION    integrity_constraint_violation
        23505    E    ERRCODE_UNIQUE_VIOLATION                  unique_violation
        """);
    ErrorClassGenerator.write(module);
  }

  @Test
  void freshSourcesAreNotStale() throws IOException {
    assertEquals(List.of(), ErrorClassGenerator.staleFiles(module));
    assertEquals(3, ErrorClassGenerator.generate(module).size());
  }

  @Test
  void reportsEditedMissingAndLeftoverFiles() throws IOException {
    Path edited = packageDir.resolve("UniqueViolation.java");
    Files.writeString(edited, Files.readString(edited) + "// edited\n");
    Path missing = packageDir.resolve("SqlStates.java");
    Files.delete(missing);
    Path leftover = packageDir.resolve("NoLongerListed.java");
    Files.writeString(leftover, ErrorClassGenerator.HEADER + "package dev.tusk.errors;\n");
    Files.writeString(packageDir.resolve("HandWritten.java"), "package dev.tusk.errors;\n");

    assertEquals(List.of(edited, missing, leftover), ErrorClassGenerator.staleFiles(module));
  }

  @Test
  void writeRestoresFilesAndDeletesOnlyGeneratedLeftovers() throws IOException {
    Path leftover = packageDir.resolve("NoLongerListed.java");
    Files.writeString(leftover, ErrorClassGenerator.HEADER + "package dev.tusk.errors;\n");
    Path handWritten = packageDir.resolve("HandWritten.java");
    Files.writeString(handWritten, "package dev.tusk.errors;\n");
    Files.delete(packageDir.resolve("SqlStates.java"));

    ErrorClassGenerator.write(module);

    assertEquals(List.of(), ErrorClassGenerator.staleFiles(module));
    assertFalse(Files.exists(leftover));
    assertEquals("package dev.tusk.errors;\n", Files.readString(handWritten));
  }
}
