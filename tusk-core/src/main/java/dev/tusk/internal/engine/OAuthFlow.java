package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.internal.auth.AuthenticationException;
import dev.tusk.internal.auth.OAuthBearer;
import dev.tusk.internal.auth.OAuthServerError;
import dev.tusk.internal.auth.WellKnownUri;
import dev.tusk.internal.conninfo.OAuthSettings;

/**
 * The client's side of PostgreSQL 18's OAuth for one host, as libpq runs it with a token hook. A
 * client that knows only the issuer first asks the server for its parameters (an empty token); the
 * server names its issuer's discovery document and the scope, and fails that connection. Only if
 * that issuer is exactly {@code oauth_issuer} (so a server cannot send the client to fetch a token
 * for someone else) is the application's token source asked, and a second connection presents the
 * token. With {@code oauth_issuer} a discovery URI, the token is fetched on the first connection.
 *
 * <p>The state lasts across the two connections; {@link #start()} begins each exchange.
 */
final class OAuthFlow {

  /** Where one connection's exchange stands. */
  private enum Step {
    /** No OAUTHBEARER exchange on this connection yet. */
    IDLE,
    /** The initial response went out: a discovery request or a token. */
    SENT,
    /** The server's error result was acknowledged; its ErrorResponse comes next. */
    FAILING
  }

  private final OAuthSettings settings;
  private String issuer;
  private String discoveryUri;
  private String scope;
  private String token;
  private boolean tokenSent;
  private Step step = Step.IDLE;

  OAuthFlow(OAuthSettings settings) {
    this.settings = settings;
  }

  /**
   * The initial response of a new OAUTHBEARER exchange: the token when there is one (fetched now if
   * the discovery document is already known), else a discovery request. Checks first that the
   * client can take part at all, so that nothing is sent in vain.
   */
  byte[] start(String host) throws AuthenticationException {
    if (settings.issuer() == null) {
      throw new AuthenticationException(
          "the server asks for OAuth authentication (OAUTHBEARER), but oauth_issuer is not set:"
              + " set it to the issuer the server trusts (the issuer of its pg_hba.conf line)");
    }
    if (settings.tokens() == null) {
      throw new AuthenticationException(
          "the server asks for OAuth authentication (OAUTHBEARER), but no token supplier was"
              + " given: connect with ConnectionOptions.oauthTokenSupplier(...)");
    }
    if (issuer == null) {
      if (WellKnownUri.isWellKnown(settings.issuer())) {
        issuer = WellKnownUri.issuerOf(settings.issuer());
        discoveryUri = settings.issuer();
      } else {
        issuer = settings.issuer();
      }
      scope = settings.scope();
    }
    if (token == null && discoveryUri != null) {
      fetchToken(host);
    }
    step = Step.SENT;
    tokenSent = token != null;
    return tokenSent ? OAuthBearer.tokenResponse(token) : OAuthBearer.discoveryRequest();
  }

  /**
   * Takes the server's error result and returns the acknowledgement the protocol requires. Learns
   * the discovery document and scope, refusing a document of another issuer than {@code
   * oauth_issuer}.
   */
  byte[] serverError(byte[] message) throws AuthenticationException {
    if (step != Step.SENT) {
      throw new AuthenticationException("the server sent additional OAuth data after its error");
    }
    OAuthServerError error = OAuthServerError.parse(message);
    if (error.openidConfiguration() != null) {
      learnDiscoveryUri(error.openidConfiguration());
    }
    if (scope == null) {
      scope = error.scope();
    }
    if (!tokenSent) {
      if (!error.invitesToken()) {
        throw new AuthenticationException(
            "the server rejected OAuth authentication: " + error.status());
      }
      if (discoveryUri == null) {
        throw new AuthenticationException(
            "the server asks for OAuth authentication, but sent no discovery document"
                + " (openid-configuration) to get a token from");
      }
    }
    step = Step.FAILING;
    return OAuthBearer.errorAcknowledgement();
  }

  /**
   * Whether this connection only discovered the server's parameters: its coming failure means
   * "connect again with a token" (after {@link #fetchToken}).
   */
  boolean awaitsToken() {
    return step == Step.FAILING && !tokenSent;
  }

  /**
   * Whether the latest connection presented a token. Then a server's error there is not answered by
   * presenting the token again over the next encryption method ({@code sslmode=prefer} or {@code
   * allow}): that one may be plain text, and a token is a credential as it stands.
   */
  boolean presentedToken() {
    return step != Step.IDLE && tokenSent;
  }

  /**
   * Checks AuthenticationOk: the server may accept a token it was given, nothing else. A server
   * that says yes after a discovery request, or after rejecting the token, is not believed.
   */
  void checkAccepted() throws AuthenticationException {
    if (!tokenSent) {
      throw new AuthenticationException("the server accepted OAuth authentication without a token");
    }
    if (step == Step.FAILING) {
      throw new AuthenticationException(
          "the server accepted OAuth authentication after rejecting the token");
    }
  }

  /**
   * Asks the application's token source for a token for {@code host}, with the issuer, discovery
   * document and scope the exchange established.
   *
   * @throws InvalidAuthorizationSpecification if the source fails or gives no usable token; the
   *     message never contains a token
   */
  void fetchToken(String host) {
    String fetched;
    try {
      fetched = settings.tokens().token(issuer, discoveryUri, scope, host);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw failed("the OAuth token supplier failed for " + host + ": " + e, e);
    }
    if (fetched == null || fetched.isBlank()) {
      throw failed("the OAuth token supplier returned no token for " + host, null);
    }
    if (!OAuthBearer.isBearerToken(fetched)) {
      throw failed(
          "the OAuth token supplier returned a value that is not a bearer token (RFC 6750:"
              + " letters, digits, -._~+/ and trailing =)",
          null);
    }
    token = fetched;
  }

  /** Whether the server speaks for the issuer the client trusts, and says so consistently. */
  private void learnDiscoveryUri(String uri) throws AuthenticationException {
    String named = WellKnownUri.issuerOf(uri);
    // Byte for byte, as RFC 9207 section 2.4 and libpq compare issuers: this is what keeps a
    // rogue server from having the client fetch a token for another audience.
    if (!named.equals(issuer)) {
      throw new AuthenticationException(
          "the server's discovery document at "
              + uri
              + " (issuer \""
              + named
              + "\") is incompatible with oauth_issuer ("
              + issuer
              + "): no token was requested or sent");
    }
    if (discoveryUri == null) {
      discoveryUri = uri;
    } else if (!discoveryUri.equals(uri)) {
      throw new AuthenticationException(
          "the server's discovery document has moved to "
              + uri
              + " (previous location was "
              + discoveryUri
              + ")");
    }
  }

  private static InvalidAuthorizationSpecification failed(String message, Exception cause) {
    return new InvalidAuthorizationSpecification(Diagnostic.client("28000", message), cause);
  }
}
