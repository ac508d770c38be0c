package dev.tusk.internal.auth;

import java.util.Locale;

/**
 * The issuer identifier behind an OAuth discovery document's {@code .well-known} URI, derived by
 * RFC 8414's rules as libpq derives it: {@code https://} only, no query or fragment, and the {@code
 * /.well-known/openid-configuration} (OpenID Connect Discovery 1.0) or {@code
 * /.well-known/oauth-authorization-server} (RFC 8414) component either at the end of the path (OIDC
 * style) or at its start (IETF style), removed.
 */
public final class WellKnownUri {

  private static final String HTTPS = "https://";
  private static final String PREFIX = "/.well-known/";
  private static final String OPENID = "openid-configuration";
  private static final String OAUTH = "oauth-authorization-server";

  private WellKnownUri() {}

  /** Whether {@code uri} is meant as a discovery URI rather than an issuer identifier. */
  public static boolean isWellKnown(String uri) {
    return uri.contains(PREFIX);
  }

  /**
   * The issuer identifier of the discovery document at {@code uri}.
   *
   * @throws AuthenticationException if {@code uri} is not a discovery URI of a supported form
   */
  public static String issuerOf(String uri) throws AuthenticationException {
    if (!uri.toLowerCase(Locale.ROOT).startsWith(HTTPS)) {
      throw invalid(uri, "must use HTTPS");
    }
    int authority = HTTPS.length();
    if (uri.indexOf('?', authority) >= 0 || uri.indexOf('#', authority) >= 0) {
      throw invalid(uri, "must not contain query or fragment components");
    }
    int start = uri.indexOf(PREFIX, authority);
    if (start < 0) {
      throw invalid(uri, "is not a .well-known URI");
    }
    int suffix = start + PREFIX.length();
    int end;
    if (uri.startsWith(OPENID, suffix)) {
      end = suffix + OPENID.length();
    } else if (uri.startsWith(OAUTH, suffix)) {
      end = suffix + OAUTH.length();
    } else {
      throw invalid(uri, "uses an unsupported .well-known suffix");
    }
    if (end < uri.length() && uri.charAt(end) != '/') {
      throw invalid(uri, "uses an unsupported .well-known suffix");
    }
    // Not at the end of the path: then it must be at its start, or a document at
    // https://h/a/.well-known/openid-configuration/b could claim to speak for https://h/a/b.
    if (end < uri.length() && start != uri.indexOf('/', authority)) {
      throw invalid(uri, "uses an invalid format");
    }
    return uri.substring(0, start) + uri.substring(end);
  }

  private static AuthenticationException invalid(String uri, String problem) {
    return new AuthenticationException("OAuth discovery URI \"" + uri + "\" " + problem);
  }
}
