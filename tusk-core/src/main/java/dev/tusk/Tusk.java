package dev.tusk;

import dev.tusk.internal.client.Connector;
import dev.tusk.types.TypeRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The entry point: opens connections. */
public final class Tusk {

  private Tusk() {}

  /**
   * The driver's version, such as {@code 0.1.0}: the version the jar was built as (its manifest's
   * {@code Implementation-Version} says the same).
   */
  public static String version() {
    return Version.VALUE;
  }

  /**
   * The global codec registry: every connection opened from now on starts with a copy of it.
   * Register codecs here at start-up to have them on every connection.
   */
  public static TypeRegistry types() {
    return Connector.types();
  }

  /**
   * Opens a connection. {@code conninfo} is a libpq connection string, either {@code key=value}
   * pairs ({@code "host=localhost dbname=app user=app"}) or a URI ({@code
   * "postgresql://app@localhost/app"}); the PG* environment variables and the password file fill in
   * what it leaves out. To avoid quoting values by hand, use {@link #options()} or {@link
   * #connect(Map)}.
   */
  public static Connection connect(String conninfo) {
    return Connector.connect(conninfo, null);
  }

  /**
   * Opens a connection as {@link #connect(String)} does, whose statements {@code tracer} hears of
   * (null: none).
   */
  public static Connection connect(String conninfo, Tracer<?> tracer) {
    return Connector.connect(conninfo, tracer);
  }

  /**
   * Opens a connection with settings given as libpq keywords and their values ({@code
   * Map.of("host", "db", "dbname", "app", "password", secret)}): values are used as they are, with
   * nothing to quote or escape. A value's {@code toString()} is used; see {@link
   * ConnectionOptions#of(Map)}.
   */
  public static Connection connect(Map<String, ?> settings) {
    return Connector.connect(ConnectionOptions.of(settings).keywords(), null);
  }

  /**
   * Opens a connection with {@link ConnectionOptions}' settings, tracer, password supplier and
   * token supplier.
   */
  static Connection connect(
      Map<String, String> keywords,
      Tracer<?> tracer,
      PasswordSupplier passwordSupplier,
      OAuthTokenSupplier oauthTokenSupplier) {
    return Connector.connect(keywords, tracer, passwordSupplier, oauthTokenSupplier);
  }

  /**
   * Like {@link #connect(Map, Tracer, PasswordSupplier, OAuthTokenSupplier)}, without blocking the
   * caller.
   */
  static CompletableFuture<AsyncConnection> connectAsync(
      Map<String, String> keywords,
      Tracer<?> tracer,
      PasswordSupplier passwordSupplier,
      OAuthTokenSupplier oauthTokenSupplier) {
    return Connector.connectAsync(keywords, tracer, passwordSupplier, oauthTokenSupplier);
  }

  /** Settings to build one by one, then {@link ConnectionOptions#connect()}. */
  public static ConnectionOptions options() {
    return ConnectionOptions.of();
  }

  /**
   * Opens a connection without blocking the caller (the connecting runs on a virtual thread) and
   * completes with its async face.
   */
  public static CompletableFuture<AsyncConnection> connectAsync(String conninfo) {
    return Connector.connectAsync(conninfo, null);
  }

  /** Like {@link #connect(Map)}, without blocking the caller. */
  public static CompletableFuture<AsyncConnection> connectAsync(Map<String, ?> settings) {
    return Connector.connectAsync(ConnectionOptions.of(settings).keywords(), null);
  }
}
