package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassfileTest {

  private static final HostPort DB = new HostPort("db.example.com", 5432);

  @TempDir Path directory;

  private Path passfile(String... lines) throws IOException {
    return passfileWith("rw-------", lines);
  }

  private Path passfileWith(String permissions, String... lines) throws IOException {
    Path file = directory.resolve("pgpass");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }
    return file;
  }

  private static String lookup(Path file, HostPort host, String database, String user) {
    return Passfile.lookup(file, host, database, user).map(Password::reveal).orElse(null);
  }

  @Test
  void exactMatch() throws IOException {
    Path file = passfile("db.example.com:5432:app:bob:s3cret");
    assertEquals("s3cret", lookup(file, DB, "app", "bob"));
  }

  @Test
  void everyFieldMustMatch() throws IOException {
    Path file = passfile("db.example.com:5432:app:bob:s3cret");
    assertNull(lookup(file, new HostPort("other", 5432), "app", "bob"));
    assertNull(lookup(file, new HostPort("db.example.com", 5433), "app", "bob"));
    assertNull(lookup(file, DB, "other", "bob"));
    assertNull(lookup(file, DB, "app", "carol"));
  }

  @Test
  void wildcardsMatchAnything() throws IOException {
    Path file = passfile("*:*:*:bob:any", "*:*:*:*:fallback");
    assertEquals("any", lookup(file, new HostPort("x", 1), "y", "bob"));
    assertEquals("fallback", lookup(file, new HostPort("x", 1), "y", "carol"));
  }

  @Test
  void firstMatchWins() throws IOException {
    Path file = passfile("db.example.com:*:*:bob:first", "db.example.com:5432:app:bob:second");
    assertEquals("first", lookup(file, DB, "app", "bob"));
  }

  @Test
  void escapedColonsAndBackslashes() throws IOException {
    Path file = passfile("db.example.com:5432:a\\:b:bob:pa\\:ss\\\\word");
    assertEquals("pa:ss\\word", lookup(file, DB, "a:b", "bob"));
  }

  @Test
  void escapedAsteriskIsLiteral() throws IOException {
    Path file = passfile("db.example.com:5432:\\*:bob:literal");
    assertNull(lookup(file, DB, "app", "bob"));
    assertEquals("literal", lookup(file, DB, "*", "bob"));
  }

  @Test
  void passwordEndsAtNextUnescapedColon() throws IOException {
    Path file = passfile("*:*:*:*:pass:ignored");
    assertEquals("pass", lookup(file, DB, "app", "bob"));
  }

  @Test
  void commentsBlankAndShortLinesAreSkipped() throws IOException {
    Path file =
        passfile(
            "# hostname:port:database:username:password",
            "",
            "   ",
            "db.example.com:5432:app:bob",
            "*:*:*:*:found");
    assertEquals("found", lookup(file, DB, "app", "bob"));
  }

  @Test
  void crlfLineEndings() throws IOException {
    Path file = passfile("*:*:*:bob:one\r\n*:*:*:*:two");
    assertEquals("one", lookup(file, DB, "app", "bob"));
  }

  @Test
  void emptyPasswordOnFirstMatchMeansNone() throws IOException {
    Path file = passfile("*:*:*:bob:", "*:*:*:*:later");
    assertNull(lookup(file, DB, "app", "bob"));
  }

  @Test
  void unixSocketMatchesLocalhost() throws IOException {
    Path file = passfile("localhost:5432:*:*:local");
    assertEquals("local", lookup(file, new HostPort("/var/run/postgresql", 5432), "a", "b"));
  }

  @Test
  void unixSocketMatchesItsDirectory() throws IOException {
    Path file = passfile("/tmp:5432:*:*:tmp", "localhost:5432:*:*:local");
    assertEquals("tmp", lookup(file, new HostPort("/tmp", 5432), "a", "b"));
  }

  @Test
  void tcpHostDoesNotMatchLocalhostLine() throws IOException {
    Path file = passfile("localhost:5432:*:*:local");
    assertNull(lookup(file, new HostPort("127.0.0.1", 5432), "a", "b"));
    assertEquals("local", lookup(file, new HostPort("localhost", 5432), "a", "b"));
  }

  @Test
  void ipv6HostWithEscapedColons() throws IOException {
    Path file = passfile("\\:\\:1:5432:*:*:six");
    assertEquals("six", lookup(file, new HostPort("::1", 5432), "a", "b"));
  }

  @Test
  void missingFileMeansNoPassword() {
    assertEquals(Optional.empty(), Passfile.lookup(directory.resolve("none"), DB, "a", "b"));
  }

  @Test
  void groupOrWorldReadableFileIsIgnoredWithWarning() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    for (String permissions : List.of("rw-r-----", "rw----r--", "rw--w----", "rwx---r-x")) {
      RecordingLogger log = new RecordingLogger();
      Path file = passfileWith(permissions, "*:*:*:*:exposed");
      assertEquals(Optional.empty(), Passfile.lookup(file, DB, "app", "bob", log), permissions);
      assertEquals(1, log.warnings.size(), permissions);
      assertTrue(log.warnings.get(0).contains("group or world access"), log.warnings.get(0));
      assertTrue(log.warnings.get(0).contains(file.toString()), log.warnings.get(0));
      assertFalse(log.warnings.get(0).contains("exposed"));
    }
  }

  @Test
  void directoryIsIgnoredWithWarning() {
    RecordingLogger log = new RecordingLogger();
    assertEquals(Optional.empty(), Passfile.lookup(directory, DB, "a", "b", log));
    assertTrue(log.warnings.get(0).contains("not a plain file"), log.warnings.get(0));
  }

  @Test
  void ownerOnlyPermissionsAreAccepted() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    for (String permissions : List.of("rw-------", "r--------", "rwx------")) {
      Path file = passfileWith(permissions, "*:*:*:*:private");
      assertEquals("private", lookup(file, DB, "app", "bob"), permissions);
    }
  }

  @Test
  void settingsUseThePassfileForEachHost() throws IOException {
    Path file = passfile("a:5432:app:bob:for-a", "b:5433:app:bob:for-b");
    ConnectionSettings settings =
        ConnInfo.parse(
            "host=a,b,c port=5432,5433,5434 dbname=app user=bob passfile='" + file + "'",
            Environments.empty());
    assertEquals("for-a", settings.passwordFor(settings.hosts().get(0)).reveal());
    assertEquals("for-b", settings.passwordFor(settings.hosts().get(1)).reveal());
    assertNull(settings.passwordFor(settings.hosts().get(2)));
  }

  @Test
  void explicitPasswordWinsOverPassfile() throws IOException {
    Path file = passfile("*:*:*:*:from-file");
    ConnectionSettings settings =
        ConnInfo.parse("password=given passfile='" + file + "'", Environments.empty());
    assertEquals("given", settings.passwordFor(settings.hosts().get(0)).reveal());
  }

  @Test
  void environmentPasswordWinsOverPassfile() throws IOException {
    Path file = passfile("*:*:*:*:from-file");
    Environment environment =
        Environments.with(Map.of("PGPASSWORD", "env", "PGPASSFILE", file.toString()));
    ConnectionSettings settings = ConnInfo.parse("", environment);
    assertEquals("env", settings.passwordFor(settings.hosts().get(0)).reveal());
  }

  @Test
  void passfileFromEnvironmentAndHome() throws IOException {
    Path file = passfile("*:*:*:*:from-file");
    Environment environment = Environments.with(Map.of("PGPASSFILE", file.toString()));
    ConnectionSettings fromVariable = ConnInfo.parse("", environment);
    assertEquals("from-file", fromVariable.passwordFor(fromVariable.hosts().get(0)).reveal());
    Files.move(file, directory.resolve(".pgpass"));
    ConnectionSettings fromHome = ConnInfo.parse("", new Environment(Map.of(), directory, "alice"));
    assertEquals("from-file", fromHome.passwordFor(fromHome.hosts().get(0)).reveal());
  }

  @Test
  void passfileMatchesFinalDatabaseAndUser() throws IOException {
    Path file = passfile("localhost:5432:alice:alice:defaults");
    ConnectionSettings settings = ConnInfo.parse("passfile='" + file + "'", Environments.empty());
    assertEquals("defaults", settings.passwordFor(settings.hosts().get(0)).reveal());
  }

  @Test
  void noPassfileMeansNoPassword() {
    ConnectionSettings settings = ConnInfo.parse("", new Environment(Map.of(), null, "alice"));
    assertNull(settings.passwordFor(settings.hosts().get(0)));
    assertNull(settings.passfile());
  }

  /** Keeps formatted warnings. */
  private static final class RecordingLogger implements System.Logger {
    final List<String> warnings = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      warnings.add(message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
      warnings.add(MessageFormat.format(format, parameters));
    }
  }
}
