package dev.tusk.internal.conninfo;

/**
 * Where the engine gets an OAuth bearer token when a server asks for one: the application's {@code
 * dev.tusk.OAuthTokenSupplier}, adapted by the client layer.
 */
@FunctionalInterface
public interface BearerTokenSource {

  /**
   * A bearer token for the server at {@code host}.
   *
   * @param issuer the issuer identifier, which the server named and {@code oauth_issuer} matched
   * @param discoveryUri the issuer's discovery document, as the server or {@code oauth_issuer} gave
   *     it
   * @param scope the scope to ask for ({@code oauth_scope}, else the server's), or null
   * @param host the host name (or address) connected to
   * @return the token, never logged or shown
   * @throws Exception whatever getting the token failed with; the connection attempt fails with it
   */
  String token(String issuer, String discoveryUri, String scope, String host) throws Exception;
}
