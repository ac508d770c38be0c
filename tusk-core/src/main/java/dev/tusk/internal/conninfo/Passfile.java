package dev.tusk.internal.conninfo;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up passwords in a libpq password file ({@code ~/.pgpass}): lines of {@code
 * hostname:port:database:username:password}, where a field of just {@code *} matches anything and
 * {@code \:} and {@code \\} stand for {@code :} and {@code \}. Blank lines and lines starting with
 * {@code #} are skipped; the first matching line wins.
 *
 * <p>A Unix-domain socket host matches the hostname {@code localhost} (as libpq does for its
 * default socket directory) and also its own directory (as libpq does for any other). A file that
 * group or others may access is ignored with a warning, as in libpq; on file systems without POSIX
 * permissions that check is skipped. A missing file simply holds no password.
 */
public final class Passfile {

  private static final System.Logger LOG = System.getLogger("dev.tusk.conninfo");

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private Passfile() {}

  /**
   * The password of the first line of {@code file} that matches {@code host}, {@code database} and
   * {@code user}; empty if none matches, the matching line has an empty password, or the file is
   * missing, unreadable or too widely accessible.
   */
  public static Optional<Password> lookup(Path file, HostPort host, String database, String user) {
    return lookup(file, host, database, user, LOG);
  }

  /** {@link #lookup(Path, HostPort, String, String)}, warning through {@code log}. */
  static Optional<Password> lookup(
      Path file, HostPort host, String database, String user, System.Logger log) {
    List<String> lines = readIfPrivate(file, log);
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Optional<PassfileLine> entry = PassfileLine.parse(line);
      if (entry.isPresent() && entry.get().matches(host, database, user)) {
        String password = entry.get().password();
        return password.isEmpty() ? Optional.empty() : Optional.of(new Password(password));
      }
    }
    return Optional.empty();
  }

  /** The lines of {@code file}, or none if it is missing or not safe to use. */
  private static List<String> readIfPrivate(Path file, System.Logger log) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        log.log(Level.WARNING, "password file \"{0}\" is not a plain file; ignoring it", file);
        return List.of();
      }
      if (!isPrivate(file)) {
        log.log(
            Level.WARNING,
            "password file \"{0}\" has group or world access; permissions should be u=rw (0600)"
                + " or less; ignoring it",
            file);
        return List.of();
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      log.log(Level.WARNING, "cannot read password file \"{0}\": {1}", file, e.toString());
      return List.of();
    }
  }

  private static boolean isPrivate(Path file) throws IOException {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (UnsupportedOperationException e) {
      // No POSIX permissions (Windows): nothing to check, as in libpq.
      return true;
    }
    return OWNER_ONLY.containsAll(attributes.permissions());
  }
}
