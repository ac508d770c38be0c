package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What connection settings are read from besides the connection string: the PG* environment
 * variables, the home directory (for {@code ~/.pgpass} and {@code ~/.postgresql/}), the
 * operating-system user (the default user name) and the directories where a local server's
 * Unix-domain socket may be (the default host). Tests pass a made-up one.
 *
 * @param variables environment variables by name
 * @param homeDirectory the user's home directory, or null when unknown
 * @param osUser the operating-system user name, or null when unknown
 * @param socketDirectories where to look, in order, for a local server's socket {@code
 *     .s.PGSQL.<port>} when no host is given; empty to always default to {@code localhost}
 */
public record Environment(
    Map<String, String> variables,
    Path homeDirectory,
    String osUser,
    List<Path> socketDirectories) {

  /**
   * The directories PostgreSQL packages put their socket in: Debian's and Red Hat's ({@code
   * /run/postgresql}, and {@code /var/run/postgresql} on older systems), then the upstream default
   * {@code /tmp}. libpq has one of them compiled in; Tusk cannot know which, so it looks.
   */
  public static final List<Path> DEFAULT_SOCKET_DIRECTORIES =
      List.of(Path.of("/run/postgresql"), Path.of("/var/run/postgresql"), Path.of("/tmp"));

  /** Copies the variables and directories. */
  public Environment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    socketDirectories = List.copyOf(Objects.requireNonNull(socketDirectories, "socketDirectories"));
  }

  /** An environment with no socket directories: the default host is always {@code localhost}. */
  public Environment(Map<String, String> variables, Path homeDirectory, String osUser) {
    this(variables, homeDirectory, osUser, List.of());
  }

  /**
   * The real environment: {@link System#getenv()}, {@code user.home}, {@code user.name} and the
   * {@link #DEFAULT_SOCKET_DIRECTORIES}.
   */
  public static Environment system() {
    String home = System.getProperty("user.home");
    return new Environment(
        System.getenv(),
        home == null || home.isEmpty() ? null : Path.of(home),
        System.getProperty("user.name"),
        DEFAULT_SOCKET_DIRECTORIES);
  }
}
