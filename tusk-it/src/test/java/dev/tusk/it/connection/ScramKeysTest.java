package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.InvalidPassword;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TlsServer;
import dev.tusk.testing.TuskTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scram_client_key}/{@code scram_server_key} against the real server: the keys of a SCRAM
 * role (its ServerKey read from {@code pg_authid}, its ClientKey computed from the known password
 * with the JDK's PBKDF2) log in without the password, over TCP and over TLS with channel binding;
 * wrong keys are refused by the side that holds the other half; the keys never answer MD5.
 */
@TuskTest
class ScramKeysTest {

  /** {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, as pg_authid stores it. */
  private static final Pattern VERIFIER =
      Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)");

  private static final String NO_PASSFILE = "/nonexistent/tusk-no-passfile";

  /** {@code system_user} (PostgreSQL 16+) names the pg_hba method that authenticated. */
  private static final int SYSTEM_USER_VERSION = 160000;

  /** A role's keys, base64-encoded as the keywords take them. */
  private record Keys(String client, String server) {

    String keywords() {
      return " scram_client_key=" + client + " scram_server_key=" + server;
    }
  }

  @BeforeAll
  static void noPasswordFromTheEnvironment() {
    assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD would answer MD5 requests");
  }

  @Test
  void theKeysLogInWithoutAPassword(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for SCRAM");
    Keys keys = keysOf(server.conninfo(), TestRole.SCRAM.user(), TestRole.SCRAM.password());
    String conninfo = scramRole(server) + " require_auth=scram-sha-256" + keys.keywords();
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(TestRole.SCRAM.user(), conn.execute("SELECT current_user").fetchOne().get(0));
      if (server.serverVersionNum() >= SYSTEM_USER_VERSION) {
        assertEquals(
            "scram-sha-256:" + TestRole.SCRAM.user(),
            conn.execute("SELECT system_user").fetchOne().get(0));
      }
      assertNoKeyIn(conn.toString(), keys);
      assertNoKeyIn(conn.info().toString(), keys);
    }
  }

  @Test
  void connectionOptionsCarryTheKeys(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for SCRAM");
    Keys keys = keysOf(server.conninfo(), TestRole.SCRAM.user(), TestRole.SCRAM.password());
    var options =
        Tusk.options()
            .host(server.host())
            .port(server.port())
            .dbname(server.database())
            .user(TestRole.SCRAM.user())
            .set("passfile", NO_PASSFILE)
            .scramKeys(keys.client(), keys.server());
    assertNoKeyIn(options.toString(), keys);
    try (Connection conn = options.connect()) {
      assertEquals(TestRole.SCRAM.user(), conn.execute("SELECT current_user").fetchOne().get(0));
    }
    ProgrammingError half =
        assertThrows(
            ProgrammingError.class, () -> options.scramKeys(keys.client(), null).connect().close());
    assertTrue(half.getMessage().contains("go together"), half.getMessage());
    assertNoKeyIn(half.getMessage(), keys);
  }

  @Test
  void theKeysGoFirstAsInLibpqEvenWithAWrongPassword(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for SCRAM");
    Keys keys = keysOf(server.conninfo(), TestRole.SCRAM.user(), TestRole.SCRAM.password());
    String conninfo = scramRole(server) + " password=not-the-password" + keys.keywords();
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(TestRole.SCRAM.user(), conn.execute("SELECT current_user").fetchOne().get(0));
    }
  }

  @Test
  void aWrongServerKeyMakesTheClientRefuseTheServer(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for SCRAM");
    Keys right = keysOf(server.conninfo(), TestRole.SCRAM.user(), TestRole.SCRAM.password());
    Keys wrong = new Keys(right.client(), flipped(right.server()));
    InvalidAuthorizationSpecification error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> Tusk.connect(scramRole(server) + wrong.keywords()).close());
    assertEquals("28000", error.sqlState());
    assertTrue(
        error.getMessage().contains("did not prove that it knows the ServerKey given as"),
        error.getMessage());
    assertNoKeyIn(error, wrong);
  }

  @Test
  void aWrongClientKeyIsRefusedByTheServer(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for SCRAM");
    Keys right = keysOf(server.conninfo(), TestRole.SCRAM.user(), TestRole.SCRAM.password());
    Keys wrong = new Keys(flipped(right.client()), right.server());
    InvalidPassword error =
        assertThrows(
            InvalidPassword.class,
            () -> Tusk.connect(scramRole(server) + wrong.keywords()).close());
    assertEquals("28P01", error.sqlState());
    assertNoKeyIn(error, wrong);
  }

  @Test
  void theKeysNeverAnswerAnMd5Request(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not ask for MD5");
    Keys keys = keysOf(server.conninfo(), TestRole.SCRAM.user(), TestRole.SCRAM.password());
    String conninfo =
        server.conninfo(TestRole.TRUST)
            + " user="
            + TestRole.MD5.user()
            + " passfile="
            + NO_PASSFILE
            + keys.keywords();
    InvalidAuthorizationSpecification error =
        assertThrows(InvalidAuthorizationSpecification.class, () -> Tusk.connect(conninfo).close());
    assertEquals("28000", error.sqlState());
    assertTrue(error.getMessage().contains("(md5), but none was given"), error.getMessage());
    assertTrue(error.getMessage().contains("answer SCRAM authentication only"), error.getMessage());
    assertNoKeyIn(error, keys);
  }

  @Test
  void overTlsTheKeysStillBindToTheChannel() {
    TlsServer tls = TlsServer.get();
    Keys keys =
        keysOf(
            tls.conninfo("localhost", "postgres", "sslmode=disable"),
            TlsServer.SCRAM_USER,
            TlsServer.PASSWORD);
    String conninfo =
        tls.conninfo(
            "localhost",
            TlsServer.SCRAM_USER,
            "sslmode=require channel_binding=require passfile=" + NO_PASSFILE + keys.keywords());
    // channel_binding=require refuses anything but a completed SCRAM-SHA-256-PLUS exchange.
    try (Connection conn = Tusk.connect(conninfo)) {
      assertEquals(
          true,
          conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
              .fetchOne()
              .get(0));
    }
    Keys wrong = new Keys(keys.client(), flipped(keys.server()));
    String wrongServer =
        tls.conninfo(
            "localhost",
            TlsServer.SCRAM_USER,
            "sslmode=require channel_binding=require passfile=" + NO_PASSFILE + wrong.keywords());
    assertThrows(InvalidAuthorizationSpecification.class, () -> Tusk.connect(wrongServer).close());
  }

  /** The SCRAM test role without a password, from any source. */
  private static String scramRole(PostgresServer server) {
    return server.conninfo(TestRole.TRUST)
        + " user="
        + TestRole.SCRAM.user()
        + " passfile="
        + NO_PASSFILE;
  }

  /**
   * The keys of {@code role}: its ServerKey as pg_authid stores it, its ClientKey derived from
   * {@code password} with the stored salt and iteration count (RFC 5802: HMAC(Hi(password, salt,
   * i), "Client Key")). The stored StoredKey, H(ClientKey), shows the derivation is the server's.
   */
  private static Keys keysOf(String superuser, String role, String password) {
    String verifier;
    try (Connection conn = Tusk.connect(superuser)) {
      verifier =
          (String)
              conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = $1", role)
                  .fetchOne()
                  .get(0);
    }
    Matcher parts = VERIFIER.matcher(verifier);
    assertTrue(parts.matches(), role + " has no SCRAM-SHA-256 verifier");
    int iterations = Integer.parseInt(parts.group(1));
    byte[] salt = Base64.getDecoder().decode(parts.group(2));
    byte[] storedKey = Base64.getDecoder().decode(parts.group(3));
    try {
      byte[] saltedPassword =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
              .getEncoded();
      byte[] clientKey = hmac(saltedPassword, "Client Key");
      assertArrayEquals(storedKey, MessageDigest.getInstance("SHA-256").digest(clientKey));
      String serverKey = parts.group(4);
      assertEquals(serverKey, base64(hmac(saltedPassword, "Server Key")));
      return new Keys(base64(clientKey), serverKey);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("the JDK lacks PBKDF2 or HMAC with SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The key with one bit of its first byte flipped, base64-encoded again. */
  private static String flipped(String key) {
    byte[] bytes = Base64.getDecoder().decode(key);
    bytes[0] ^= 1;
    return base64(bytes);
  }

  private static void assertNoKeyIn(String text, Keys keys) {
    assertFalse(text.contains(keys.client()), text);
    assertFalse(text.contains(keys.server()), text);
  }

  /** Checks the message, toString() and every cause for either key. */
  private static void assertNoKeyIn(Throwable error, Keys keys) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertNoKeyIn(String.valueOf(t.getMessage()), keys);
      assertNoKeyIn(t.toString(), keys);
    }
  }
}
