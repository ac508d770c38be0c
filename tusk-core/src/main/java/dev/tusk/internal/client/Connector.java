package dev.tusk.internal.client;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.OAuthTokenRequest;
import dev.tusk.OAuthTokenSupplier;
import dev.tusk.PasswordRequest;
import dev.tusk.PasswordSupplier;
import dev.tusk.Tracer;
import dev.tusk.errors.ProgrammingError;
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
    return connect(keywords, tracer, null, null);
  }

  /**
   * Connects with settings given as libpq keywords and unescaped values, asking {@code
   * passwordSupplier} (null: none) for the password whenever a server asks for one, and {@code
   * oauthTokenSupplier} (null: none) for a bearer token when a server asks for OAuth.
   *
   * @throws ProgrammingError if {@code keywords} give a password as well as the password supplier
   */
  public static Connection connect(
      Map<String, String> keywords,
      Tracer<?> tracer,
      PasswordSupplier passwordSupplier,
      OAuthTokenSupplier oauthTokenSupplier) {
    return open(withTokens(withPasswords(keywords, passwordSupplier), oauthTokenSupplier), tracer);
  }

  /** Connects on a virtual thread and completes with the connection's async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(String conninfo, Tracer<?> tracer) {
    return Asynchronous.offload(() -> connect(conninfo, tracer).async());
  }

  /** Like {@link #connect(Map, Tracer)}, on a virtual thread, completing with the async face. */
  public static CompletableFuture<AsyncConnection> connectAsync(
      Map<String, String> keywords, Tracer<?> tracer) {
    return connectAsync(keywords, tracer, null, null);
  }

  /**
   * Like {@link #connect(Map, Tracer, PasswordSupplier, OAuthTokenSupplier)}, on a virtual thread.
   */
  public static CompletableFuture<AsyncConnection> connectAsync(
      Map<String, String> keywords,
      Tracer<?> tracer,
      PasswordSupplier passwordSupplier,
      OAuthTokenSupplier oauthTokenSupplier) {
    return Asynchronous.offload(
        () -> connect(keywords, tracer, passwordSupplier, oauthTokenSupplier).async());
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

  /**
   * The settings {@code keywords} give, with {@code supplier} as the source of passwords. A
   * password in {@code keywords} too is refused: the supplier would silently override it
   * (PGPASSWORD and the password file, which nobody set for this connection in particular, just
   * give way).
   */
  private static ConnectionSettings withPasswords(
      Map<String, String> keywords, PasswordSupplier supplier) {
    if (supplier == null) {
      return ConnInfo.fromKeywords(keywords);
    }
    String password = keywords.get("password");
    if (password != null && !password.isEmpty()) {
      throw new ProgrammingError(
          "both a password and a password supplier are set: remove the password, or the supplier"
              + " (the supplier is asked for the password of every new connection)");
    }
    ConnectionSettings settings = ConnInfo.fromKeywords(keywords);
    return settings.withPasswordSource(
        host ->
            supplier.password(
                new PasswordRequest(
                    host.host(), host.port(), settings.database(), settings.user())));
  }

  private static Connection open(ConnectionSettings settings, Tracer<?> tracer) {
    ConnectionEvents.Opening opening = ConnectionEvents.opening(settings);
    Session session;
    try {
      session = Startup.open(settings, ResultRow.MAKER);
    } catch (RuntimeException e) {
      opening.failed(e);
      throw e;
    }
    opening.opened(session);
    return new TuskConnection(session, settings, TypeScope.global(), tracer);
  }
}
