package dev.tusk.internal.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.conninfo.BearerTokenSource;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.Environment;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OAUTHBEARER state machine of start-up, fed scripted server messages without a socket:
 * discovery, the issuer check, the token on the second connection, and every refusal.
 */
class OAuthAuthenticationTest {

  private static final String ISSUER = "https://issuer.example/tusk";
  private static final String DISCOVERY = ISSUER + "/.well-known/openid-configuration";
  private static final String TOKEN = "Sentinel-t0ken";
  private static final String SERVER_ERROR =
      "{ \"status\": \"invalid_token\", \"openid-configuration\": \""
          + DISCOVERY
          + "\", \"scope\": \"openid tusk\" }";

  /** What the token source was asked, in order. */
  private final List<String> asked = new ArrayList<>();

  private final BearerTokenSource source =
      (issuer, discoveryUri, scope, host) -> {
        asked.add(issuer + " " + discoveryUri + " " + scope + " " + host);
        return TOKEN;
      };

  // --- the server's side ------------------------------------------------------------------------

  /** Backend messages as the server frames them. */
  private static final class Server {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Server message(char type, byte[] body) {
      bytes.write(type);
      int length = body.length + 4;
      bytes.writeBytes(
          new byte[] {
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length
          });
      bytes.writeBytes(body);
      return this;
    }

    Server authentication(int code, byte[] data) {
      byte[] body = new byte[4 + data.length];
      body[3] = (byte) code;
      System.arraycopy(data, 0, body, 4, data.length);
      return message('R', body);
    }

    Server sasl(String... mechanisms) {
      return authentication(10, (String.join("\0", mechanisms) + "\0\0").getBytes(UTF_8));
    }

    Server saslContinue(String data) {
      return authentication(11, data.getBytes(UTF_8));
    }

    Server ok() {
      return authentication(0, new byte[0]);
    }

    Server fatal(String sqlState, String message) {
      return message(
          'E', ("SFATAL\0VFATAL\0C" + sqlState + "\0M" + message + "\0\0").getBytes(UTF_8));
    }

    BackendMessageReader reader() {
      return new BackendMessageReader(new ByteArrayInputStream(bytes.toByteArray()), 1 << 20);
    }
  }

  /** A transport that keeps what the client writes; there is nothing to read from it. */
  private static final class Recorder implements Transport {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public int read(ByteBuffer target) {
      return -1;
    }

    @Override
    public int write(ByteBuffer source) {
      int n = source.remaining();
      byte[] chunk = new byte[n];
      source.get(chunk);
      written.writeBytes(chunk);
      return n;
    }

    @Override
    public int await(int ops, long timeoutNanos) {
      return ops;
    }

    @Override
    public void wakeup() {}

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}

    /** The bodies of the 'p' messages sent, as text. */
    List<String> sent() {
      ByteBuffer all = ByteBuffer.wrap(written.toByteArray());
      List<String> bodies = new ArrayList<>();
      while (all.hasRemaining()) {
        assertEquals('p', (char) all.get());
        byte[] body = new byte[all.getInt() - 4];
        all.get(body);
        bodies.add(new String(body, UTF_8));
      }
      return bodies;
    }
  }

  // --- the client's side ------------------------------------------------------------------------

  private static ConnectionSettings settings(String conninfo, BearerTokenSource tokens) {
    ConnectionSettings settings =
        ConnInfo.parse("user=alice " + conninfo, new Environment(Map.of(), null, "alice"));
    return tokens == null ? settings : settings.withOAuthTokens(tokens);
  }

  /** One connection's authentication: true at AuthenticationOk, false when a token is needed. */
  private static boolean authenticate(
      ConnectionSettings settings, OAuthFlow flow, Server server, Recorder wire)
      throws IOException {
    return new Authenticator(
            settings, new HostPort("db.example", 5432), wire, server.reader(), null, false, 0, flow)
        .run();
  }

  /** The SASLInitialResponse body for OAUTHBEARER with {@code data}. */
  private static String initial(String data) {
    int n = data.length();
    return "OAUTHBEARER\0"
        + new String(
            new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, UTF_8)
        + data;
  }

  private static final String DISCOVERY_REQUEST = initial("n,,\u0001auth=\u0001\u0001");
  private static final String TOKEN_RESPONSE =
      initial("n,,\u0001auth=Bearer " + TOKEN + "\u0001\u0001");

  // --- the tests --------------------------------------------------------------------------------

  @Test
  void discoveryThenTheTokenOnASecondConnection() throws IOException {
    ConnectionSettings settings = settings("oauth_issuer=" + ISSUER, source);
    OAuthFlow flow = new OAuthFlow(settings.oauth());
    Recorder first = new Recorder();
    Server discovery =
        new Server()
            .sasl("OAUTHBEARER")
            .saslContinue(SERVER_ERROR)
            .fatal("28000", "OAuth bearer authentication failed for user \"alice\"");
    assertFalse(authenticate(settings, flow, discovery, first), "a token is needed");
    assertEquals(List.of(DISCOVERY_REQUEST, "\u0001"), first.sent());
    assertTrue(asked.isEmpty(), "no token is asked for while the first socket is open");

    flow.fetchToken("db.example");
    assertEquals(List.of(ISSUER + " " + DISCOVERY + " openid tusk db.example"), asked);

    Recorder second = new Recorder();
    assertTrue(authenticate(settings, flow, new Server().sasl("OAUTHBEARER").ok(), second));
    assertEquals(List.of(TOKEN_RESPONSE), second.sent());
  }

  @Test
  void oauthScopeOverridesTheServersScope() throws IOException {
    ConnectionSettings settings =
        settings("oauth_issuer=" + ISSUER + " oauth_scope='db:read'", source);
    OAuthFlow flow = new OAuthFlow(settings.oauth());
    Server discovery =
        new Server().sasl("OAUTHBEARER").saslContinue(SERVER_ERROR).fatal("28000", "failed");
    assertFalse(authenticate(settings, flow, discovery, new Recorder()));
    flow.fetchToken("db.example");
    assertEquals(List.of(ISSUER + " " + DISCOVERY + " db:read db.example"), asked);
  }

  @Test
  void aWellKnownIssuerFetchesTheTokenAtOnce() throws IOException {
    ConnectionSettings settings = settings("oauth_issuer=" + DISCOVERY, source);
    Recorder wire = new Recorder();
    OAuthFlow flow = new OAuthFlow(settings.oauth());
    assertTrue(authenticate(settings, flow, new Server().sasl("OAUTHBEARER").ok(), wire));
    assertEquals(List.of(TOKEN_RESPONSE), wire.sent());
    assertEquals(List.of(ISSUER + " " + DISCOVERY + " null db.example"), asked);
  }

  @Test
  void anotherIssuerGetsNoToken() {
    ConnectionSettings settings = settings("oauth_issuer=" + ISSUER, source);
    Recorder wire = new Recorder();
    Server phishing =
        new Server()
            .sasl("OAUTHBEARER")
            .saslContinue(
                "{\"status\":\"invalid_token\",\"openid-configuration\":"
                    + "\"https://evil.example/.well-known/openid-configuration\"}");
    var error = refused(settings, phishing, wire);
    assertTrue(error.getMessage().contains("incompatible with oauth_issuer"), error.getMessage());
    assertTrue(error.getMessage().contains("https://evil.example"), error.getMessage());
    assertEquals(List.of(DISCOVERY_REQUEST), wire.sent(), "not even the acknowledgement");
    assertTrue(asked.isEmpty());
  }

  @Test
  void issuersAreComparedByteForByte() {
    // A trailing slash is another issuer (RFC 9207 section 2.4).
    ConnectionSettings settings = settings("oauth_issuer=" + ISSUER + "/", source);
    Server server = new Server().sasl("OAUTHBEARER").saslContinue(SERVER_ERROR);
    var error = refused(settings, server, new Recorder());
    assertTrue(error.getMessage().contains("incompatible with oauth_issuer"), error.getMessage());
    assertTrue(asked.isEmpty());
  }

  @Test
  void aRejectedTokenIsTheServersError() throws IOException {
    ConnectionSettings settings = settings("oauth_issuer=" + DISCOVERY, source);
    Recorder wire = new Recorder();
    Server rejecting =
        new Server()
            .sasl("OAUTHBEARER")
            .saslContinue(SERVER_ERROR)
            .fatal("28000", "OAuth bearer authentication failed for user \"alice\"");
    var error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () -> authenticate(settings, new OAuthFlow(settings.oauth()), rejecting, wire));
    assertEquals(
        "OAuth bearer authentication failed for user \"alice\"",
        error.diagnostic().messagePrimary());
    assertEquals(List.of(TOKEN_RESPONSE, "\u0001"), wire.sent());
    assertFalse(error.getMessage().contains(TOKEN));
  }

  @Test
  void refusedBeforeAnythingIsSent() {
    Server server = new Server().sasl("OAUTHBEARER");
    for (String conninfo :
        List.of(
            "",
            "oauth_issuer=" + ISSUER + " require_auth=!oauth",
            "oauth_issuer=" + ISSUER + " require_auth=scram-sha-256",
            "oauth_issuer=" + ISSUER + " channel_binding=require sslmode=require")) {
      Recorder wire = new Recorder();
      var error = refused(settings(conninfo, source), server, wire);
      assertTrue(wire.sent().isEmpty(), conninfo + ": sent " + wire.sent());
      assertEquals("28000", error.sqlState());
    }
    Recorder wire = new Recorder();
    var noSupplier = refused(settings("oauth_issuer=" + ISSUER, null), server, wire);
    assertTrue(noSupplier.getMessage().contains("oauthTokenSupplier"), noSupplier.getMessage());
    assertTrue(wire.sent().isEmpty());
    assertTrue(asked.isEmpty());
  }

  @Test
  void refusalsSayWhy() {
    Server server = new Server().sasl("OAUTHBEARER");
    assertTrue(
        refused(settings("", source), server, new Recorder())
            .getMessage()
            .contains("oauth_issuer is not set"));
    assertTrue(
        refused(
                settings("oauth_issuer=" + ISSUER + " require_auth=!oauth", source),
                server,
                new Recorder())
            .getMessage()
            .contains("authentication method requirement \"!oauth\" failed"));
    assertTrue(
        refused(
                settings(
                    "oauth_issuer=" + ISSUER + " channel_binding=require sslmode=require", source),
                server,
                new Recorder())
            .getMessage()
            .contains("channel binding is required"));
  }

  @Test
  void aServerThatAcceptsWithoutATokenIsNotBelieved() {
    ConnectionSettings settings = settings("oauth_issuer=" + ISSUER, source);
    Server server = new Server().sasl("OAUTHBEARER").saslContinue(SERVER_ERROR).ok();
    var error = refused(settings, server, new Recorder());
    assertTrue(error.getMessage().contains("without a token"), error.getMessage());
  }

  @Test
  void aServerThatAcceptsARejectedTokenIsNotBelieved() {
    ConnectionSettings settings = settings("oauth_issuer=" + DISCOVERY, source);
    Server server = new Server().sasl("OAUTHBEARER").saslContinue(SERVER_ERROR).ok();
    var error = refused(settings, server, new Recorder());
    assertTrue(error.getMessage().contains("after rejecting the token"), error.getMessage());
  }

  @Test
  void extraDataIsRefused() {
    ConnectionSettings settings = settings("oauth_issuer=" + DISCOVERY, source);
    Server afterError =
        new Server().sasl("OAUTHBEARER").saslContinue(SERVER_ERROR).saslContinue(SERVER_ERROR);
    assertTrue(
        refused(settings, afterError, new Recorder()).getMessage().contains("after its error"));
    Server finalData = new Server().sasl("OAUTHBEARER").authentication(12, new byte[] {1});
    assertTrue(
        refused(settings, finalData, new Recorder())
            .getMessage()
            .contains("unexpected additional OAuth data"));
  }

  @Test
  void aStatusOtherThanInvalidTokenEndsDiscovery() {
    ConnectionSettings settings = settings("oauth_issuer=" + ISSUER, source);
    Server server =
        new Server().sasl("OAUTHBEARER").saslContinue("{\"status\":\"invalid_request\"}");
    var error = refused(settings, server, new Recorder());
    assertTrue(error.getMessage().contains("rejected OAuth authentication: invalid_request"));
    Server noDocument =
        new Server().sasl("OAUTHBEARER").saslContinue("{\"status\":\"invalid_token\"}");
    assertTrue(
        refused(settings, noDocument, new Recorder())
            .getMessage()
            .contains("sent no discovery document"));
  }

  @Test
  void whatTheSupplierThrowsIsTheCause() {
    IllegalStateException cause = new IllegalStateException("identity provider unreachable");
    ConnectionSettings settings =
        settings(
            "oauth_issuer=" + DISCOVERY,
            (issuer, discoveryUri, scope, host) -> {
              throw cause;
            });
    var error =
        assertThrows(
            InvalidAuthorizationSpecification.class,
            () ->
                authenticate(
                    settings,
                    new OAuthFlow(settings.oauth()),
                    new Server().sasl("OAUTHBEARER"),
                    new Recorder()));
    assertSame(cause, error.getCause());
    assertTrue(error.getMessage().contains("token supplier failed"), error.getMessage());
    assertTrue(error.getMessage().contains("identity provider unreachable"), error.getMessage());
  }

  @Test
  void aTokenThatIsNoBearerTokenIsNeitherSentNorShown() {
    for (String bad : new String[] {null, " ", "Sentinel secret", "Sentinel\u0001auth=x"}) {
      ConnectionSettings settings =
          settings("oauth_issuer=" + DISCOVERY, (issuer, discoveryUri, scope, host) -> bad);
      Recorder wire = new Recorder();
      var error =
          assertThrows(
              InvalidAuthorizationSpecification.class,
              () ->
                  authenticate(
                      settings,
                      new OAuthFlow(settings.oauth()),
                      new Server().sasl("OAUTHBEARER"),
                      wire));
      assertFalse(error.getMessage().contains("Sentinel"), error.getMessage());
      assertNull(error.getCause());
      assertTrue(wire.sent().isEmpty());
    }
  }

  /** The error one connection's authentication fails with. */
  private static InvalidAuthorizationSpecification refused(
      ConnectionSettings settings, Server server, Recorder wire) {
    TuskException error =
        assertThrows(
            TuskException.class,
            () -> authenticate(settings, new OAuthFlow(settings.oauth()), server, wire));
    return assertInstanceOf(InvalidAuthorizationSpecification.class, error, error.getMessage());
  }
}
