package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.InvalidPassword;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authentication against the real server: trust, scram-sha-256, md5 and cleartext password with
 * right, wrong and missing passwords, and passwords from a password file; no password ever shows in
 * a message or {@code toString()}.
 */
@Tag("versions")
@TuskTest
class AuthenticationTest {

  private static final String WRONG_PASSWORD = "tusk-Wrong-Secret-7f3a";

  /** {@code system_user} (PostgreSQL 16+) names the pg_hba method that authenticated. */
  private static final int SYSTEM_USER_VERSION = 160000;

  @BeforeAll
  static void noPasswordFromTheEnvironment() {
    assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD would supply every password");
  }

  @ParameterizedTest
  @EnumSource(TestRole.class)
  void rightPasswordAuthenticatesWithTheRolesMethod(TestRole role, PostgresServer server) {
    try (Connection conn = Tusk.connect(server.conninfo(role) + " passfile=" + noFile())) {
      assertEquals(role.user(), conn.execute("SELECT current_user").fetchOne().get(0));
      if (server.enforcesPasswords() && server.serverVersionNum() >= SYSTEM_USER_VERSION) {
        Object systemUser = conn.execute("SELECT system_user").fetchOne().get(0);
        Object expected = role.password() == null ? null : role.method() + ":" + role.user();
        assertEquals(expected, systemUser);
      }
      if (role.password() != null) {
        assertFalse(conn.toString().contains(role.password()), conn.toString());
        assertFalse(conn.info().toString().contains(role.password()), conn.info().toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5", "PASSWORD"})
  void wrongPasswordIsInvalidPasswordThatNeverShowsIt(TestRole role, PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    String conninfo = server.conninfo(role) + " password=" + WRONG_PASSWORD;
    InvalidPassword error =
        assertThrows(InvalidPassword.class, () -> Tusk.connect(conninfo).close());
    assertEquals("28P01", error.sqlState());
    assertEquals("FATAL", error.diagnostic().severityNonLocalized());
    assertTrue(error.getMessage().contains(role.user()), error.getMessage());
    assertNoSecretIn(error, WRONG_PASSWORD);
    assertNoSecretIn(error, role.password());
  }

  @Test
  void trustNeverAsksForThePassword(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server is not the test one");
    String conninfo = server.conninfo(TestRole.TRUST) + " password=" + WRONG_PASSWORD;
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(TestRole.TRUST.user(), conn.execute("SELECT current_user").fetchOne().get(0));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5", "PASSWORD"})
  void missingPasswordIsAClearAuthorizationError(TestRole role, PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for passwords");
    String conninfo =
        server.conninfo(TestRole.TRUST) + " user=" + role.user() + " passfile=" + noFile();
    InvalidAuthorizationSpecification error =
        assertThrows(InvalidAuthorizationSpecification.class, () -> Tusk.connect(conninfo).close());
    assertEquals("28000", error.sqlState());
    assertTrue(error.getMessage().contains(role.user()), error.getMessage());
    assertTrue(error.getMessage().contains("password"), error.getMessage());
    assertTrue(error.getMessage().contains("none was given"), error.getMessage());
  }

  @Test
  void passfileSuppliesTheScramPassword(PostgresServer server, @TempDir Path directory)
      throws IOException {
    Path passfile = passfile(directory, server, TestRole.SCRAM.password(), "rw-------");
    try (Connection conn = Tusk.connect(scramWithoutPassword(server, passfile))) {
      assertEquals(TestRole.SCRAM.user(), conn.execute("SELECT current_user").fetchOne().get(0));
    }
  }

  @Test
  void wrongPasswordInThePassfileIsInvalidPassword(PostgresServer server, @TempDir Path directory)
      throws IOException {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    Path passfile = passfile(directory, server, WRONG_PASSWORD, "rw-------");
    InvalidPassword error =
        assertThrows(
            InvalidPassword.class,
            () -> Tusk.connect(scramWithoutPassword(server, passfile)).close());
    assertNoSecretIn(error, WRONG_PASSWORD);
  }

  @Test
  void passfileReadableByOthersIsIgnored(PostgresServer server, @TempDir Path directory)
      throws IOException {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for passwords");
    Path passfile = passfile(directory, server, TestRole.SCRAM.password(), "rw-r--r--");
    InvalidAuthorizationSpecification error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> Tusk.connect(scramWithoutPassword(server, passfile)).close());
    assertEquals("28000", error.sqlState());
    assertNotEquals(InvalidPassword.class, error.getClass());
  }

  @Test
  void aPasswordTheProtocolCannotCarryIsATypedErrorNotALeak(
      PostgresServer server, @TempDir Path directory) throws IOException {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for passwords");
    String withNul = "zebra\0Quokka7";
    Path passfile = passfile(directory, server, TestRole.PASSWORD, withNul, "rw-------");
    InvalidAuthorizationSpecification error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> Tusk.connect(withoutPassword(server, TestRole.PASSWORD, passfile)).close());
    assertEquals("28000", error.sqlState());
    assertTrue(error.getMessage().contains("cannot be sent"), error.getMessage());
    assertNoSecretIn(error, "Quokka7");
    assertNoSecretIn(error, "zebra");
  }

  /** A password file whose one line matches the server, its database and the SCRAM role. */
  private static Path passfile(
      Path directory, PostgresServer server, String password, String permissions)
      throws IOException {
    return passfile(directory, server, TestRole.SCRAM, password, permissions);
  }

  /** A password file whose one line matches the server, its database and {@code role}. */
  private static Path passfile(
      Path directory, PostgresServer server, TestRole role, String password, String permissions)
      throws IOException {
    Path file = directory.resolve("pgpass");
    String line =
        String.join(
            ":",
            server.host(),
            Integer.toString(server.port()),
            server.database(),
            role.user(),
            password);
    Files.writeString(file, "# written by AuthenticationTest\n" + line + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  private static String scramWithoutPassword(PostgresServer server, Path passfile) {
    return withoutPassword(server, TestRole.SCRAM, passfile);
  }

  private static String withoutPassword(PostgresServer server, TestRole role, Path passfile) {
    return server.conninfo(TestRole.TRUST)
        + " user="
        + role.user()
        + " passfile='"
        + passfile.toString().replace("\\", "\\\\").replace("'", "\\'")
        + "'";
  }

  /** A password file that does not exist, so that the user's own never supplies a password. */
  private static String noFile() {
    return "/nonexistent/tusk-no-passfile";
  }

  /** Checks the message, toString() and every cause and suppressed error for {@code secret}. */
  private static void assertNoSecretIn(Throwable error, String secret) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), t.getMessage());
      assertFalse(t.toString().contains(secret), t.toString());
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoSecretIn(suppressed, secret);
      }
    }
  }
}
