package dev.tusk.internal.engine;

import dev.tusk.internal.auth.AuthenticationException;
import dev.tusk.internal.auth.OAuthBearer;
import dev.tusk.internal.conninfo.ChannelBindingMode;
import dev.tusk.internal.conninfo.RequireAuth;
import dev.tusk.internal.conninfo.RequireAuth.Method;
import java.util.List;

/**
 * What the client lets the server choose, as libpq 16 decides it: {@code require_auth} limits the
 * methods a server may ask for, and {@code channel_binding=require} accepts SCRAM-SHA-256-PLUS
 * alone (so never OAUTHBEARER, which binds to no channel). Both fail closed: a server that asks for
 * nothing, or skips a step, is refused unless the settings allow exactly that.
 */
final class AuthenticationPolicy {

  static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
  static final String SCRAM_SHA_256_PLUS = "SCRAM-SHA-256-PLUS";

  private final RequireAuth requireAuth;
  private final ChannelBindingMode channelBinding;
  private final boolean tls;
  private final boolean gssEncrypted;

  /**
   * @param tls whether the session is TLS-encrypted, so SCRAM can bind to its channel
   * @param gssEncrypted whether the session is GSSAPI-encrypted: the server then knows the client
   *     from the security context, and sends AuthenticationOk without asking for gss again
   */
  AuthenticationPolicy(
      RequireAuth requireAuth,
      ChannelBindingMode channelBinding,
      boolean tls,
      boolean gssEncrypted) {
    this.requireAuth = requireAuth;
    this.channelBinding = channelBinding;
    this.tls = tls;
    this.gssEncrypted = gssEncrypted;
  }

  /**
   * Checks a request for a method other than SASL ({@code password}, {@code md5}, {@code gss},
   * {@code sspi}), with the words libpq uses for it.
   */
  void checkRequest(Method method, String described) throws AuthenticationException {
    if (!requireAuth.allows(method)) {
      throw refused("server requested " + described);
    }
    if (channelBinding == ChannelBindingMode.REQUIRE) {
      throw new AuthenticationException(
          "channel binding is required (channel_binding=require), but the server asked for "
              + described
              + ", which cannot bind to the TLS channel");
    }
  }

  /**
   * The SASL mechanism to use from those the server offers.
   *
   * @throws AuthenticationException if SCRAM is not allowed, or binding is required and impossible
   */
  String chooseMechanism(List<String> offered) throws AuthenticationException {
    boolean scramOffered = offered.contains(SCRAM_SHA_256) || offered.contains(SCRAM_SHA_256_PLUS);
    if (offered.contains(OAuthBearer.MECHANISM)
        && (!scramOffered || !requireAuth.allows(Method.SCRAM_SHA_256))) {
      return chooseOAuth();
    }
    if (!requireAuth.allows(Method.SCRAM_SHA_256)) {
      throw refused("server requested SASL authentication");
    }
    boolean bind = tls && channelBinding != ChannelBindingMode.DISABLE;
    if (bind && offered.contains(SCRAM_SHA_256_PLUS)) {
      return SCRAM_SHA_256_PLUS;
    }
    if (channelBinding == ChannelBindingMode.REQUIRE) {
      throw new AuthenticationException(
          "channel binding is required (channel_binding=require), but "
              + (tls
                  ? "the server did not offer SCRAM-SHA-256-PLUS (offered: " + offered + ")"
                  : "the connection does not use TLS (set sslmode=require or stronger)"));
    }
    if (offered.contains(SCRAM_SHA_256)) {
      return SCRAM_SHA_256;
    }
    return null;
  }

  /** OAUTHBEARER, if require_auth allows it and no channel binding is required. */
  private String chooseOAuth() throws AuthenticationException {
    if (!requireAuth.allows(Method.OAUTH)) {
      throw refused("server requested OAuth authentication (OAUTHBEARER)");
    }
    if (channelBinding == ChannelBindingMode.REQUIRE) {
      throw new AuthenticationException(
          "channel binding is required (channel_binding=require), but the server asked for OAuth"
              + " authentication (OAUTHBEARER), which cannot bind to the TLS channel");
    }
    return OAuthBearer.MECHANISM;
  }

  /** Whether the client supports binding on this connection even if it does not bind ("y,,"). */
  boolean supportsBinding() {
    return tls && channelBinding != ChannelBindingMode.DISABLE;
  }

  /**
   * Checks AuthenticationOk against what happened before it.
   *
   * @param exchanged whether the server asked for any authentication at all
   * @param bound whether a SCRAM-SHA-256-PLUS exchange completed, with the server's proof
   */
  void checkOk(boolean exchanged, boolean bound) throws AuthenticationException {
    // As libpq: a GSSAPI-encrypted session satisfies require_auth=gss with no exchange at all.
    boolean gssAuthenticated = gssEncrypted && requireAuth.allows(Method.GSS);
    if (!exchanged && gssEncrypted && !gssAuthenticated) {
      // Stricter than libpq, which lets a negated list (!gss) pass here: the encryption's
      // context is exactly the gss authentication the list refuses.
      throw refused("the session is GSSAPI-encrypted, which authenticates by gss");
    }
    if (!exchanged && !requireAuth.allows(Method.NONE) && !gssAuthenticated) {
      throw refused("server did not complete authentication");
    }
    if (channelBinding == ChannelBindingMode.REQUIRE && !bound) {
      throw new AuthenticationException(
          "channel binding is required (channel_binding=require), but the server authenticated"
              + " the client without channel binding");
    }
  }

  private AuthenticationException refused(String what) {
    return new AuthenticationException(
        "authentication method requirement \"" + requireAuth.text() + "\" failed: " + what);
  }
}
