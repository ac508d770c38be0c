package dev.tusk.internal.conninfo;

/**
 * PostgreSQL 18's OAuth settings. Tusk runs no OAuth flow itself: the application's token source
 * gets the token; these keywords say whom to trust and what to ask for.
 *
 * @param issuer {@code oauth_issuer}: the issuer identifier the server must name in its discovery
 *     response before any token is sent, or a discovery ({@code .well-known}) URI, or null
 * @param scope {@code oauth_scope}: the scope to ask for instead of the server's, or null
 * @param clientId {@code oauth_client_id}, passed to the token source, or null
 * @param clientSecret {@code oauth_client_secret}, passed to the token source, or null
 * @param tokens where bearer tokens come from, or null when the application gave none
 */
public record OAuthSettings(
    String issuer, String scope, String clientId, Password clientSecret, BearerTokenSource tokens) {

  /** These settings with {@code tokens} as the token source. */
  public OAuthSettings withTokens(BearerTokenSource tokens) {
    return new OAuthSettings(issuer, scope, clientId, clientSecret, tokens);
  }
}
