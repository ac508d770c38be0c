package dev.tusk.it.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.ConnectionOptions;
import dev.tusk.OAuthTokenRequest;
import dev.tusk.OAuthTokenSupplier;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.OAuthValidator;
import dev.tusk.testing.ScratchServer;
import dev.tusk.testing.TestCertificates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * PostgreSQL 18's {@code oauth} authentication against a real server: zonky's 18.1 with the test
 * validator module of {@code .ci/oauth-validator} (which accepts one token, {@link
 * OAuthValidator#TOKEN}, as the identity {@link OAuthValidator#IDENTITY}). Every connection goes
 * through a {@link FaultProxy}, whose record of the server's bytes shows how many exchanges there
 * were and whose socket count shows that nothing is left open. Skipped, saying why, where the
 * validator could not be built or the PostgreSQL 18 binaries cannot run.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class OAuthTest {

  private static final String BINARIES = "tusk.postgres18.binaries";
  private static final String ISSUER = "https://issuer.example/tusk";
  private static final String DISCOVERY = ISSUER + "/.well-known/openid-configuration";
  private static final String SCOPE = "openid tusk";

  private static ScratchServer postgres18;

  /** The server's TLS certificate and key. */
  private static Path certificates;

  /** Why the tests cannot run here, or null. */
  private static String skipped;

  /** What the supplier was asked, per test. */
  private final List<OAuthTokenRequest> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startPostgres18WithTheValidator() throws IOException {
    String jar = System.getProperty(BINARIES);
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), BINARIES + " names no file");
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && System.getProperty("os.arch").equals("amd64"),
        "the PostgreSQL 18 binaries are for Linux on x86-64");
    Optional<Path> validator = OAuthValidator.find();
    if (validator.isEmpty()) {
      // Skipped test by test (below), so that each report quotes the reason.
      skipped = OAuthValidator.missing();
      return;
    }
    // bob may log in over TLS only: see aRejectedTokenIsNotPresentedAgainInPlainText.
    String hba =
        "local all all trust\n"
            + "host all postgres 127.0.0.1/32 trust\n"
            + "hostnossl all bob 127.0.0.1/32 reject\n"
            + "host all all 127.0.0.1/32 oauth issuer=\""
            + ISSUER
            + "\" scope=\""
            + SCOPE
            + "\" delegate_ident_mapping=1\n";
    certificates = Files.createTempDirectory("tusk-oauth-tls-");
    TestCertificates tls = TestCertificates.generate(certificates, "alice");
    postgres18 =
        ScratchServer.start(
            Path.of(jar),
            Map.of(
                "oauth_validator_libraries", validator.get().toString(),
                "ssl", "on",
                "ssl_cert_file", tls.serverCertificate().toString(),
                "ssl_key_file", tls.serverKey().toString()),
            hba);
    try (Connection superuser = Tusk.connect(postgres18.conninfo() + " sslmode=disable")) {
      superuser.execute("CREATE ROLE alice LOGIN");
      superuser.execute("CREATE ROLE bob LOGIN");
    }
  }

  @AfterAll
  static void stopPostgres18() throws IOException {
    if (postgres18 != null) {
      postgres18.close();
    }
    if (certificates != null) {
      try (var files = Files.walk(certificates)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @BeforeEach
  void needsTheValidator() {
    assumeTrue(skipped == null, skipped);
  }

  /** alice through {@code proxy}, trusting {@code issuer}, with tokens from {@code supplier}. */
  private static ConnectionOptions alice(
      FaultProxy proxy, String issuer, OAuthTokenSupplier supplier) {
    return Tusk.options()
        .host("127.0.0.1")
        .port(proxy.port())
        .user("alice")
        .dbname("postgres")
        .set("sslmode", "disable")
        .set("oauth_issuer", issuer)
        .oauthTokenSupplier(supplier);
  }

  /** A supplier that notes each request and answers {@code token}. */
  private OAuthTokenSupplier answering(String token) {
    return request -> {
      requests.add(request);
      return token;
    };
  }

  @Test
  void theValidatorsTokenLogsInAsTheMappedIdentity() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port());
        Connection conn =
            alice(proxy, ISSUER, answering(OAuthValidator.TOKEN))
                .set("require_auth", "oauth")
                .connect()) {
      Row row = conn.execute("SELECT current_user, system_user").fetchOne();
      assertEquals("alice", row.getString(0));
      assertEquals("oauth:" + OAuthValidator.IDENTITY, row.getString(1));
      // Discovery on the first connection, the token on the second.
      assertEquals(2, saslRequests(proxy));
    }
    assertEquals(1, requests.size());
    OAuthTokenRequest request = requests.get(0);
    assertEquals(ISSUER, request.issuer());
    assertEquals(DISCOVERY, request.discoveryUri(), "as the server named it");
    assertEquals(SCOPE, request.scope(), "the server's, from pg_hba.conf");
    assertEquals("alice", request.user());
    assertEquals("127.0.0.1", request.host());
    assertNull(request.clientId());
  }

  @Test
  void oauthScopeAndTheClientsCredentialsReachTheSupplier() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port());
        Connection conn =
            alice(proxy, ISSUER, answering(OAuthValidator.TOKEN))
                .set("oauth_scope", "db:read")
                .set("oauth_client_id", "tusk-app")
                .set("oauth_client_secret", "Sentinel-secret")
                .connect()) {
      assertEquals("alice", conn.execute("SELECT current_user").fetchOne().getString(0));
    }
    OAuthTokenRequest request = requests.get(0);
    assertEquals("db:read", request.scope());
    assertEquals("tusk-app", request.clientId());
    assertEquals("Sentinel-secret", request.clientSecret());
    assertFalse(request.toString().contains("Sentinel"), request.toString());
  }

  @Test
  void everyNewConnectionAsksTheSupplierAsyncOnesToo() throws Exception {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      ConnectionOptions options = alice(proxy, DISCOVERY, answering(OAuthValidator.TOKEN));
      try (Connection first = options.connect();
          AsyncConnection second = options.connectAsync().get(30, TimeUnit.SECONDS)) {
        assertEquals("alice", first.execute("SELECT current_user").fetchOne().getString(0));
        assertEquals(
            "alice",
            second
                .execute("SELECT current_user")
                .thenCompose(AsyncCursor::fetchOne)
                .get(30, TimeUnit.SECONDS)
                .getString(0));
      }
    }
    assertEquals(2, requests.size(), "Tusk keeps no token: caching is the supplier's job");
  }

  @Test
  void connectTimeoutCoversASlowSupplier() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      long start = System.nanoTime();
      var error =
          assertThrows(
              SqlclientUnableToEstablishSqlconnection.class,
              () ->
                  alice(
                          proxy,
                          ISSUER,
                          request -> {
                            Thread.sleep(1500);
                            return OAuthValidator.TOKEN;
                          })
                      .set("connect_timeout", 1)
                      .connect());
      assertTrue(error.getMessage().contains("connect_timeout"), error.getMessage());
      assertTrue(System.nanoTime() - start < 5_000_000_000L, "bounded by the supplier's sleep");
      assertNothingOpen(proxy);
    }
  }

  @Test
  void overTlsTheTokenLogsInToo() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port());
        Connection conn =
            alice(proxy, ISSUER, answering(OAuthValidator.TOKEN))
                .set("sslmode", "require")
                .connect()) {
      Row row =
          conn.execute("SELECT ssl, current_user FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
              .fetchOne();
      assertEquals(true, row.get(0));
      assertEquals("alice", row.getString(1));
    }
    assertEquals(1, requests.size());
  }

  @Test
  void aRejectedTokenIsNotPresentedAgainInPlainText() {
    // sslmode=prefer tries plain text after the server's error over TLS, but not after a token:
    // bob's plain-text connections are refused by pg_hba.conf, so had the token been presented
    // again without TLS, that refusal would be the error.
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class,
              () ->
                  alice(proxy, ISSUER, answering("Sentinel-rejected"))
                      .user("bob")
                      .set("sslmode", "prefer")
                      .connect());
      assertEquals(
          "OAuth bearer authentication failed for user \"bob\"",
          error.diagnostic().messagePrimary());
      assertEquals(0, error.getSuppressed().length, "no other attempt");
      assertNothingOpen(proxy);
    }
    assertEquals(1, requests.size());
  }

  @Test
  void aDiscoveryUriAsIssuerNeedsOneConnection() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port());
        Connection conn = alice(proxy, DISCOVERY, answering(OAuthValidator.TOKEN)).connect()) {
      assertEquals("alice", conn.execute("SELECT current_user").fetchOne().getString(0));
      assertEquals(1, saslRequests(proxy));
    }
    assertEquals(ISSUER, requests.get(0).issuer());
    assertNull(requests.get(0).scope(), "no discovery, and no oauth_scope");
  }

  @Test
  void aTokenTheValidatorRejectsIsTheServersTypedError() {
    String token = "Sentinel-not-the-token";
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class,
              () -> alice(proxy, ISSUER, answering(token)).connect());
      assertEquals("28000", error.sqlState());
      assertEquals(
          "OAuth bearer authentication failed for user \"alice\"",
          error.diagnostic().messagePrimary());
      assertFalse(error.toString().contains("Sentinel"), error.toString());
      assertNothingOpen(proxy);
    }
    assertEquals(1, requests.size(), "a rejected token is not asked for again");
  }

  @Test
  void anIssuerOtherThanTheServersGetsNoToken() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class,
              () ->
                  alice(proxy, "https://login.example.com", answering(OAuthValidator.TOKEN))
                      .connect());
      assertTrue(error.getMessage().contains("incompatible with oauth_issuer"), error.getMessage());
      assertTrue(error.getMessage().contains(DISCOVERY), error.getMessage());
      assertNothingOpen(proxy);
    }
    assertTrue(requests.isEmpty(), "the supplier was never asked");
  }

  @Test
  void requireAuthAndChannelBindingRefuseOAuthBeforeAnyToken() {
    Map<String, String> refusals =
        Map.of(
            "require_auth", "!oauth",
            "channel_binding", "require");
    refusals.forEach(
        (keyword, value) -> {
          try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
            var error =
                assertThrows(
                    InvalidAuthorizationSpecification.class,
                    () ->
                        alice(proxy, ISSUER, answering(OAuthValidator.TOKEN))
                            .set(keyword, value)
                            .connect(),
                    keyword);
            String expected =
                keyword.equals("require_auth")
                    ? "authentication method requirement \"!oauth\" failed"
                    : "channel binding is required";
            assertTrue(error.getMessage().contains(expected), error.getMessage());
            assertEquals(1, saslRequests(proxy), "no second connection");
            assertNothingOpen(proxy);
          }
        });
    assertTrue(requests.isEmpty(), "the supplier was never asked");
  }

  @Test
  void aSupplierThatThrowsFailsTheConnectionWithItsCause() {
    IOException down = new IOException("identity provider unreachable");
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class,
              () ->
                  alice(
                          proxy,
                          ISSUER,
                          request -> {
                            throw down;
                          })
                      .connect());
      assertSame(down, error.getCause());
      assertTrue(
          error.getMessage().contains("the OAuth token supplier failed for 127.0.0.1"),
          error.getMessage());
      assertTrue(error.getMessage().contains("identity provider unreachable"), error.getMessage());
      assertNothingOpen(proxy);
    }
  }

  @Test
  void withoutASupplierTheErrorNamesTheFix() {
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", postgres18.port())) {
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class,
              () ->
                  Tusk.connect(
                      "user=alice dbname=postgres sslmode=disable oauth_issuer="
                          + ISSUER
                          + " "
                          + proxy.conninfoOverride()));
      assertTrue(error.getMessage().contains("oauthTokenSupplier"), error.getMessage());
      assertEquals(1, saslRequests(proxy), "nothing but the server's offer");
      assertNothingOpen(proxy);
    }
  }

  /** Closed sockets may take a moment to be noticed by the proxy's threads. */
  private static void assertNothingOpen(FaultProxy proxy) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (proxy.openSockets() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(0, proxy.openSockets(), "sockets left open");
  }

  /** How many AuthenticationSASL requests the server sent through {@code proxy}. */
  private static int saslRequests(FaultProxy proxy) {
    ByteBuffer messages = ByteBuffer.wrap(proxy.sentToClients());
    int count = 0;
    while (messages.remaining() >= 5) {
      byte type = messages.get();
      int length = messages.getInt();
      if (type == 'R' && length >= 8 && messages.getInt(messages.position()) == 10) {
        count++;
      }
      messages.position(messages.position() + length - 4);
    }
    return count;
  }

  @Test
  void theTokenIsNeverInTheOptionsText() {
    ConnectionOptions options =
        Tusk.options()
            .set("oauth_issuer", ISSUER)
            .set("oauth_client_secret", "Sentinel-secret")
            .oauthTokenSupplier(answering(OAuthValidator.TOKEN));
    assertFalse(options.toString().contains("Sentinel"), options.toString());
    assertInstanceOf(OAuthTokenSupplier.class, options.oauthTokenSupplier());
  }
}
