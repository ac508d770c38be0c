package dev.tusk;

/**
 * Supplies OAuth bearer tokens for PostgreSQL 18's {@code oauth} authentication, as libpq's {@code
 * PQAUTHDATA_OAUTH_BEARER_TOKEN} hook does: Tusk speaks the SASL OAUTHBEARER exchange, and the
 * application gets the token (from its identity provider's SDK, a cloud metadata endpoint, a
 * client-credentials grant, a cache). Tusk itself makes no HTTP request and runs no OAuth flow (no
 * device authorization as libpq's built-in one).
 *
 * <pre>{@code
 * Connection conn = Tusk.options()
 *     .host("db.example.com")
 *     .user("app")
 *     .set("sslmode", "verify-full")
 *     .set("oauth_issuer", "https://login.example.com")
 *     .oauthTokenSupplier(request -> tokenCache.get(request.issuer(), request.scope()))
 *     .connect();
 * }</pre>
 *
 * <p>When a server asks for OAUTHBEARER, Tusk needs {@code oauth_issuer}: the issuer the
 * application trusts. It first asks the server for its parameters; the server names its issuer's
 * discovery document ({@code openid-configuration}) and the scope it wants, and fails that first
 * connection. The supplier is called only if the server's issuer is exactly {@code oauth_issuer},
 * so a server cannot lure the application into handing it a token meant for another service; then a
 * second connection presents the token. If {@code oauth_issuer} is itself a discovery URI ({@code
 * https://issuer/.well-known/openid-configuration}), the supplier is called at once and one
 * connection suffices.
 *
 * <p>The supplier is called once for each new connection whose server asks for a token, on the
 * connecting thread, with no socket open in the two-connection case. It should cache tokens until
 * they expire (a pool opens connections often). What it throws fails the connection attempt with
 * {@link dev.tusk.errors.InvalidAuthorizationSpecification} (28000), its exception as the cause. A
 * token the server rejects fails with the server's error, whose message names the user, never the
 * token. Tokens never appear in Tusk's exceptions, logs or {@code toString()}.
 */
@FunctionalInterface
public interface OAuthTokenSupplier {

  /**
   * A bearer token for {@code request}: RFC 6750's syntax (letters, digits, {@code -._~+/}, then
   * optional {@code =}), such as a JWT.
   *
   * @throws Exception if no token can be had; the connection attempt fails with it as the cause
   */
  String token(OAuthTokenRequest request) throws Exception;
}
