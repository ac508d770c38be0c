package dev.tusk.bench.server;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server says about itself, for the report.
 *
 * @param version {@code server_version}, e.g. "17.11"
 * @param settings the settings that decide whether the disk is measured, as {@code SHOW} reads them
 */
public record ServerFacts(String version, Map<String, String> settings) {

  private static final List<String> SHOWN =
      List.of(
          "fsync",
          "synchronous_commit",
          "full_page_writes",
          "autovacuum",
          "jit",
          "password_encryption",
          "shared_buffers");

  /** Copies the map. */
  public ServerFacts {
    settings = Map.copyOf(settings);
  }

  /** Reads the version and settings through {@code admin}. */
  public static ServerFacts read(Admin admin) throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : SHOWN) {
      settings.put(name, admin.single("SHOW " + name));
    }
    return new ServerFacts(admin.single("SHOW server_version"), settings);
  }

  /** The settings as {@code name=value} in a fixed order. */
  public String describeSettings() {
    return String.join(", ", SHOWN.stream().map(name -> name + "=" + settings.get(name)).toList());
  }
}
