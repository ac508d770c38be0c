package dev.tusk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The driver's version, read once from {@code version.properties}, which the build fills in. */
final class Version {

  static final String VALUE = read();

  private Version() {}

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/tusk/version.properties is missing from the build");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      if (version == null || version.startsWith("${")) {
        throw new IllegalStateException(
            "dev/tusk/version.properties was not filled in: " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("reading dev/tusk/version.properties", e);
    }
  }
}
