package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Tusk;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The tusk-core jar's manifest carries the driver's name and version, the one Tusk.version() says.
 */
class JarManifestTest {

  @Test
  void theManifestNamesTheVersion() throws IOException, URISyntaxException {
    Path location = Path.of(Tusk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(Files.isRegularFile(location), "tusk-core comes from its jar in a Maven build");
    try (JarFile jar = new JarFile(location.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertNotNull(main.getValue(Attributes.Name.IMPLEMENTATION_TITLE));
      assertEquals(Tusk.version(), main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
    }
    assertEquals(Tusk.version(), Tusk.class.getPackage().getImplementationVersion());
  }
}
