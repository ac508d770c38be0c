package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.OAuthTokenRequest;
import dev.tusk.OAuthTokenSupplier;
import dev.tusk.Tracer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.OAuthSettings;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.Startup;
import dev.tusk.types.TypeRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Opens connections for {@link dev.tusk.Tusk}. */
public final class Connector {

  private Connector() {}

  /** The global type registry, for {@link dev.tusk.Tusk#types()}. */
  public static TypeRegistry types() {
    return TypeScope.global();
  }

  /**
   * Parses {@code conninfo}, connects and returns the connection, whose statements {@code tracer}
   * (null: none) hears of.
   */
  public static Connection connect(String conninfo, Tracer<?> tracer) {
    return open(ConnInfo.parse(conninfo), tracer);
  }

  /** Connects with settings given as libpq keywords and unescaped values. */
  public static Connection connect(Map<String, String> keywords, Tracer<?> tracer) {
    return connect(keywords, tracer, null);
  }

  /**
   * Connects with settings given as libpq keywords and unescaped values, and {@code
   * oauthTokenSupplier} (null: none) for servers that ask for an OAuth bearer token.
   */
  public static Connection connect(
      Map<String, String> keywords, Tracer<?> tracer, OAuthTokenSupplier oauthTokenSupplier) {
    return open(withTokens(ConnInfo.fromKeywords(keywords), oauthTokenSupplier), tracer);
  }

  /** Connects on a virtual thread and completes with the connection's async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(String conninfo, Tracer<?> tracer) {
    return Asynchronous.offload(() -> connect(conninfo, tracer).async());
  }

  /** Like {@link #connect(Map, Tracer)}, on a virtual thread, completing with the async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(
      Map<String, String> keywords, Tracer<?> tracer) {
    return connectAsync(keywords, tracer, null);
  }

  /** Like {@link #connect(Map, Tracer, OAuthTokenSupplier)}, on a virtual thread. */
  public static CompletableFuture<AsyncConnection> connectAsync(
      Map<String, String> keywords, Tracer<?> tracer, OAuthTokenSupplier oauthTokenSupplier) {
    return Asynchronous.offload(() -> connect(keywords, tracer, oauthTokenSupplier).async());
  }

  /** {@code settings} with the application's token supplier as the engine's token source. */
  private static ConnectionSettings withTokens(
      ConnectionSettings settings, OAuthTokenSupplier supplier) {
    if (supplier == null) {
      return settings;
    }
    OAuthSettings oauth = settings.oauth();
    String secret = oauth.clientSecret() == null ? null : oauth.clientSecret().reveal();
    return settings.withOAuthTokens(
        (issuer, discoveryUri, scope, host) ->
            supplier.token(
                new OAuthTokenRequest(
                    issuer, discoveryUri, scope, settings.user(), host, oauth.clientId(), secret)));
  }

  private static Connection open(ConnectionSettings settings, Tracer<?> tracer) {
    ConnectionEvents.Opening opening = ConnectionEvents.opening(settings);
    Session session;
    try {
      session = Startup.open(settings);
    } catch (RuntimeException e) {
      opening.failed(e);
      throw e;
    }
    opening.opened(session);
    return new TuskConnection(session, settings, TypeScope.global(), tracer);
  }
}
