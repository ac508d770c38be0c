package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a pgbouncer by the version it reports, with stand-in executables. */
class PgBouncerBinaryTest {

  @TempDir Path directory;

  /** An executable that prints {@code output} and exits, as {@code pgbouncer --version} does. */
  private Path standIn(String name, String output) throws Exception {
    Path script = directory.resolve(name);
    Files.writeString(script, "#!/bin/sh\nprintf '" + output + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void versionsCompareNumericallyPartByPart() {
    assertEquals(0, PgBouncerBinary.compare("1.21", "1.21.0"));
    assertTrue(PgBouncerBinary.compare("1.9.0", "1.21") < 0);
    assertTrue(PgBouncerBinary.compare("1.24.1", "1.21") > 0);
    assertTrue(PgBouncerBinary.compare("2.0", "1.99.9") > 0);
    assertTrue(new PgBouncerBinary(Path.of("pgbouncer"), "1.21.0").atLeast("1.21"));
    assertFalse(new PgBouncerBinary(Path.of("pgbouncer"), "1.18.0").atLeast("1.21"));
  }

  @Test
  void theVersionIsReadFromTheFirstLineOfVersionOutput() throws Exception {
    Path binary =
        standIn("pgbouncer", "PgBouncer 1.24.1\\nlibevent 2.1.12-stable\\nadns: evdns2\\n");
    Optional<PgBouncerBinary> found = PgBouncerBinary.of(binary);
    assertEquals(Optional.of(new PgBouncerBinary(binary.toRealPath(), "1.24.1")), found);
  }

  @Test
  void somethingElseIsNoPgBouncer() throws Exception {
    assertEquals(Optional.empty(), PgBouncerBinary.of(standIn("other", "not a pooler\\n")));
    assertEquals(Optional.empty(), PgBouncerBinary.of(directory.resolve("absent")));
  }

  @Test
  void theNamedBinaryIsPreferredWhenItIsRecentEnough() throws Exception {
    Path named = standIn("pgbouncer", "PgBouncer 1.99.0\\n");
    String before = System.getProperty(PgBouncerBinary.PROPERTY);
    System.setProperty(PgBouncerBinary.PROPERTY, named.toString());
    try {
      assertEquals(named.toRealPath(), PgBouncerBinary.find("1.21").orElseThrow().path());
      // A release newer than any there is: none, and the reason lists what was found.
      assertEquals(Optional.empty(), PgBouncerBinary.find("99"));
      String why = PgBouncerBinary.missing("99");
      assertTrue(why.startsWith("no pgbouncer 99 or later"), why);
      assertTrue(why.contains("pgbouncer 1.99.0 (" + named.toRealPath() + ")"), why);
    } finally {
      if (before == null) {
        System.clearProperty(PgBouncerBinary.PROPERTY);
      } else {
        System.setProperty(PgBouncerBinary.PROPERTY, before);
      }
    }
  }
}
