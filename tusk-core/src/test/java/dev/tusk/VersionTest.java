package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** {@link Tusk#version()} is the version Maven builds (passed in by surefire). */
class VersionTest {

  @Test
  void theVersionIsTheBuildsVersion() {
    String built = System.getProperty("tusk.buildVersion");
    assertNotNull(built, "surefire passes tusk.buildVersion (see tusk-core/pom.xml)");
    assertEquals(built, Tusk.version());
  }
}
