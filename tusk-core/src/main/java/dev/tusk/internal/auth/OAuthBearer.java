package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;

/**
 * The client's messages of SASL OAUTHBEARER (RFC 7628) as PostgreSQL 18 takes them: no
 * authorization identity in the GS2 header ({@code n,,}), the token in an {@code auth} key with the
 * Bearer scheme (RFC 6750), key-value pairs separated by 0x01.
 */
public final class OAuthBearer {

  /** The SASL mechanism's name. */
  public static final String MECHANISM = "OAUTHBEARER";

  private static final char KVSEP = 0x01;

  private OAuthBearer() {}

  /**
   * The initial response that asks the server for its OAuth parameters: an empty {@code auth}
   * value, which the server answers with its error result naming the issuer and scope (as libpq
   * does).
   */
  public static byte[] discoveryRequest() {
    return initialResponse("");
  }

  /**
   * The initial response carrying {@code token}, which must be a {@link #isBearerToken bearer
   * token}: anything else could break the message's framing.
   */
  public static byte[] tokenResponse(String token) {
    if (!isBearerToken(token)) {
      throw new IllegalArgumentException("not a bearer token (RFC 6750 b64token)");
    }
    return initialResponse("Bearer " + token);
  }

  /**
   * The client's answer to the server's error result (RFC 7628 section 3.2.3): a lone separator,
   * after which the server fails the exchange.
   */
  public static byte[] errorAcknowledgement() {
    return new byte[] {KVSEP};
  }

  /**
   * Whether {@code token} has RFC 6750's {@code b64token} syntax, the only one the Bearer scheme
   * and PostgreSQL accept: letters, digits, {@code -._~+/}, then optional {@code =} padding.
   */
  public static boolean isBearerToken(String token) {
    int end = token.length();
    while (end > 0 && token.charAt(end - 1) == '=') {
      end--;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = token.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || "-._~+/".indexOf(c) >= 0;
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static byte[] initialResponse(String auth) {
    return ("n,," + KVSEP + "auth=" + auth + KVSEP + KVSEP).getBytes(StandardCharsets.US_ASCII);
  }
}
