package dev.tusk;

/**
 * What a server wants a token for, given to an {@link OAuthTokenSupplier}. {@link #toString()}
 * masks the client secret.
 *
 * @param issuer the issuer identifier: {@code oauth_issuer}, which the server's discovery document
 *     matched exactly
 * @param discoveryUri the issuer's discovery document ({@code .../.well-known/openid-configuration}
 *     or {@code .../.well-known/oauth-authorization-server}), as the server named it or {@code
 *     oauth_issuer} gave it
 * @param scope the scope to ask for: {@code oauth_scope} if set, else the server's (from its
 *     pg_hba.conf line), or null if neither says
 * @param user the role the connection logs in as
 * @param host the host name (or address, or Unix-socket directory) connected to
 * @param clientId {@code oauth_client_id}, or null: Tusk does nothing with it but pass it here
 * @param clientSecret {@code oauth_client_secret}, or null: Tusk does nothing with it but pass it
 *     here
 */
public record OAuthTokenRequest(
    String issuer,
    String discoveryUri,
    String scope,
    String user,
    String host,
    String clientId,
    String clientSecret) {

  /** The request's fields, the client secret masked. */
  @Override
  public String toString() {
    return "OAuthTokenRequest[issuer="
        + issuer
        + ", discoveryUri="
        + discoveryUri
        + ", scope="
        + scope
        + ", user="
        + user
        + ", host="
        + host
        + ", clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? null : "********")
        + "]";
  }
}
