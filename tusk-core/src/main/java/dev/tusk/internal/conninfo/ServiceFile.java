package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's connection service file ({@code pg_service.conf}): named groups of settings, chosen with
 * {@code service=name} or PGSERVICE.
 *
 * <pre>
 * # comment
 * [prod]
 * host=db1,db2
 * dbname=app
 * target_session_attrs=read-write
 * </pre>
 *
 * <p>As in libpq, the user's file is searched first: {@code servicefile}, else PGSERVICEFILE, else
 * {@code ~/.pg_service.conf}; if the service is not defined there (or the file does not exist), the
 * system file {@code pg_service.conf} in PGSYSCONFDIR, else in {@link #DEFAULT_SYSTEM_DIRECTORY}. A
 * service defined in neither is an error. The lines of the group are {@code keyword=value}, with no
 * quoting: the value is the rest of the line, trailing blanks removed. Values are echoed nowhere
 * (the file may hold a password); errors name the file and line.
 */
final class ServiceFile {

  /**
   * Where libpq as packaged by Debian and Ubuntu looks for the system file; PGSYSCONFDIR overrides
   * it. (libpq built from source uses its own installation's {@code etc}.)
   */
  static final Path DEFAULT_SYSTEM_DIRECTORY = Path.of("/etc/postgresql-common");

  private ServiceFile() {}

  /**
   * The settings of the service {@code service} names, each with its origin, in file order.
   *
   * @throws ProgrammingError if no file defines the service, a file cannot be read, or a line of
   *     the group is malformed
   */
  static Map<String, OptionValueSource> settings(
      OptionValue service, OptionValue serviceFile, Environment environment) {
    for (Path file : candidates(serviceFile, environment)) {
      if (Files.isRegularFile(file)) {
        Optional<Map<String, OptionValueSource>> group = group(file, service.text());
        if (group.isPresent()) {
          return group.get();
        }
      }
    }
    throw new ProgrammingError(
        "definition of service \""
            + service.text()
            + "\" ("
            + service.origin()
            + ") not found in "
            + String.join(
                " or ",
                candidates(serviceFile, environment).stream().map(Path::toString).toList()));
  }

  /** The user's file, then the system's. */
  private static List<Path> candidates(OptionValue serviceFile, Environment environment) {
    Path user =
        serviceFile != null
            ? Path.of(serviceFile.text())
            : environment.homeDirectory() == null
                ? null
                : environment.homeDirectory().resolve(".pg_service.conf");
    String sysconf = environment.variables().get("PGSYSCONFDIR");
    Path system =
        (sysconf == null || sysconf.isEmpty() ? DEFAULT_SYSTEM_DIRECTORY : Path.of(sysconf))
            .resolve("pg_service.conf");
    return user == null ? List.of(system) : List.of(user, system);
  }

  /** The lines of group {@code name} in {@code file}, or empty if the file has no such group. */
  static Optional<Map<String, OptionValueSource>> group(Path file, String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProgrammingError("could not read service file \"" + file + "\": " + e, e);
    }
    Map<String, OptionValueSource> settings = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (settings != null) {
          break; // the next group: ours has ended
        }
        if (line.equals("[" + name + "]")) {
          settings = new LinkedHashMap<>();
        }
        continue;
      }
      if (settings != null) {
        int equals = line.indexOf('=');
        String origin = "service file \"" + file + "\", line " + (i + 1);
        if (equals <= 0) {
          throw new ProgrammingError("syntax error in " + origin + ": expected keyword=value");
        }
        String keyword = line.substring(0, equals);
        if (keyword.equals("service")) {
          throw new ProgrammingError(
              "nested service specifications are not supported (" + origin + ")");
        }
        settings.put(keyword, new OptionValueSource(line.substring(equals + 1), origin));
      }
    }
    return Optional.ofNullable(settings);
  }

  /**
   * One setting of a service and where it was written.
   *
   * @param text the value as written
   * @param origin the file and line, for error messages
   */
  record OptionValueSource(String text, String origin) {}
}
