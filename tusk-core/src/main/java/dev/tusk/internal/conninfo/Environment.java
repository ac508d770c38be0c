package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What connection settings are read from besides the connection string: the PG* environment
 * variables, the home directory (for {@code ~/.pgpass} and {@code ~/.postgresql/}) and the
 * operating-system user (the default user name). Tests pass a made-up one.
 *
 * @param variables environment variables by name
 * @param homeDirectory the user's home directory, or null when unknown
 * @param osUser the operating-system user name, or null when unknown
 */
public record Environment(Map<String, String> variables, Path homeDirectory, String osUser) {

  /** Copies the variables. */
  public Environment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
  }

  /** The real environment: {@link System#getenv()}, {@code user.home} and {@code user.name}. */
  public static Environment system() {
    String home = System.getProperty("user.home");
    return new Environment(
        System.getenv(),
        home == null || home.isEmpty() ? null : Path.of(home),
        System.getProperty("user.name"));
  }
}
