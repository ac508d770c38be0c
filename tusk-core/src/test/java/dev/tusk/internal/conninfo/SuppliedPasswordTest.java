package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.InvalidAuthorizationSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password source (the application's password supplier) in {@link
 * ConnectionSettings#passwordFor(HostPort)}: it replaces PGPASSWORD, the service file and the
 * password file, is asked anew for each host, and its failures become 28000 errors that name the
 * failure and never a password.
 */
class SuppliedPasswordTest {

  @TempDir Path directory;

  /** Every other source of a password is set: PGPASSWORD, a service and a password file. */
  private ConnectionSettings settingsWithEveryOtherSource() throws IOException {
    Path passfile = Files.writeString(directory.resolve("pgpass"), "*:*:*:*:from-passfile\n");
    Files.setPosixFilePermissions(passfile, PosixFilePermissions.fromString("rw-------"));
    Path services =
        Files.writeString(
            directory.resolve("services"),
            "[app]\npassword=from-service\n",
            StandardCharsets.UTF_8);
    Environment environment =
        Environments.with(
            Map.of(
                "PGPASSWORD", "from-environment",
                "PGPASSFILE", passfile.toString(),
                "PGSERVICEFILE", services.toString()));
    return ConnInfo.parse("host=a,b port=5432,5433 dbname=app user=bob service=app", environment);
  }

  @Test
  void theSourceReplacesEveryOtherSourceAndIsAskedForEachHostEachTime() throws IOException {
    ConnectionSettings plain = settingsWithEveryOtherSource();
    assertEquals("from-service", plain.passwordFor(plain.hosts().get(0)).reveal());
    List<HostPort> asked = new ArrayList<>();
    ConnectionSettings supplied =
        plain.withPasswordSource(
            host -> {
              asked.add(host);
              return "token-" + asked.size();
            });
    assertEquals("token-1", supplied.passwordFor(supplied.hosts().get(0)).reveal());
    assertEquals("token-2", supplied.passwordFor(supplied.hosts().get(1)).reveal());
    assertEquals("token-3", supplied.passwordFor(supplied.hosts().get(0)).reveal());
    assertEquals(
        List.of(new HostPort("a", 5432), new HostPort("b", 5433), new HostPort("a", 5432)), asked);
    assertFalse(supplied.toString().contains("token-"), supplied.toString());
    assertNull(plain.withPasswordSource(null).passwordSource());
  }

  @Test
  void aThrowingSourceFailsWith28000NamingTheFailure() {
    IllegalStateException cause = new IllegalStateException("token service unavailable");
    InvalidAuthorizationSpecification error =
        failure(
            host -> {
              throw cause;
            });
    assertEquals("28000", error.sqlState());
    assertSame(cause, error.getCause());
    assertEquals(
        "the password supplier for user \"bob\" at db.example.com:5432 failed:"
            + " java.lang.IllegalStateException: token service unavailable",
        error.diagnostic().messagePrimary());
  }

  @Test
  void aNullOrEmptyPasswordIsAFailureToo() {
    assertEquals(
        "the password supplier for user \"bob\" at db.example.com:5432 returned null",
        failure(host -> null).diagnostic().messagePrimary());
    assertEquals(
        "the password supplier for user \"bob\" at db.example.com:5432 returned an empty password",
        failure(host -> "").diagnostic().messagePrimary());
  }

  @Test
  void anInterruptedSourceLeavesTheThreadInterrupted() {
    InvalidAuthorizationSpecification error =
        failure(
            host -> {
              throw new InterruptedException("shutting down");
            });
    assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    assertTrue(error.getMessage().contains("InterruptedException: shutting down"));
  }

  private static InvalidAuthorizationSpecification failure(PasswordSource source) {
    ConnectionSettings settings =
        ConnInfo.parse("host=db.example.com user=bob", Environments.empty())
            .withPasswordSource(source);
    return assertThrows(
        InvalidAuthorizationSpecification.class,
        () -> settings.passwordFor(settings.hosts().get(0)));
  }
}
