package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.util.Map;

/** Made-up environments for tests, so that the real PG* variables never leak in. */
final class Environments {

  static final Path HOME = Path.of("/home/alice");

  private Environments() {}

  /** No variables, home {@code /home/alice}, OS user {@code alice}. */
  static Environment empty() {
    return with(Map.of());
  }

  /** The given variables, home {@code /home/alice}, OS user {@code alice}. */
  static Environment with(Map<String, String> variables) {
    return new Environment(variables, HOME, "alice");
  }

  /** Parses {@code conninfo} in {@link #empty()}. */
  static ConnectionSettings parse(String conninfo) {
    return ConnInfo.parse(conninfo, empty());
  }
}
