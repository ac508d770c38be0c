package dev.tusk;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Connection settings built one by one, so that nothing needs quoting or escaping by hand: each
 * value goes to the driver as it is, never through a connection string. Immutable: every method
 * returns a new instance, so one may serve as a pool's connector from any thread.
 *
 * <pre>{@code
 * ConnectionOptions options = Tusk.options()
 *     .host("db.example.com")
 *     .dbname("app")
 *     .user("app")
 *     .password(System.getenv("APP_PASSWORD"))  // quotes, spaces, backslashes: all fine
 *     .set("sslmode", "prefer");
 * Connection conn = options.connect();
 * ConnectionPool pool = new ConnectionPool(options::connect, PoolOptions.defaults());
 * }</pre>
 *
 * <p>Keywords are libpq's ({@code sslmode}, {@code connect_timeout}, ...) plus Tusk's own ({@code
 * prepare_threshold}, {@code query_timeout}, ...), checked when connecting; the PG* environment
 * variables and the password file fill in what is not set, as for a connection string. {@link
 * #toString()} shows the settings as a {@code key=value} string with every password and key masked.
 */
public final class ConnectionOptions {

  private static final ConnectionOptions NONE = new ConnectionOptions(Map.of());

  /** The keywords whose values are secrets: never shown. */
  private static final Set<String> SECRETS =
      Set.of(
          "password", "sslpassword", "scram_client_key", "scram_server_key", "oauth_client_secret");

  private final Map<String, String> keywords;
  private final Tracer<?> tracer;
  private final PasswordSupplier passwordSupplier;
  private final OAuthTokenSupplier oauthTokenSupplier;

  private ConnectionOptions(Map<String, String> keywords) {
    this(keywords, null, null, null);
  }

  private ConnectionOptions(
      Map<String, String> keywords,
      Tracer<?> tracer,
      PasswordSupplier passwordSupplier,
      OAuthTokenSupplier oauthTokenSupplier) {
    this.keywords = keywords;
    this.tracer = tracer;
    this.passwordSupplier = passwordSupplier;
    this.oauthTokenSupplier = oauthTokenSupplier;
  }

  /** No settings: every one comes from the environment or the defaults. */
  public static ConnectionOptions of() {
    return NONE;
  }

  /**
   * The settings in {@code keywords}, libpq keywords to values; a value's {@code toString()} is
   * used ({@link Duration}s as whole seconds), null or empty means the default.
   */
  public static ConnectionOptions of(Map<String, ?> keywords) {
    ConnectionOptions options = NONE;
    for (Map.Entry<String, ?> entry : keywords.entrySet()) {
      options = options.set(entry.getKey(), entry.getValue());
    }
    return options;
  }

  /**
   * These settings with {@code keyword} set to {@code value} (its {@code toString()}; a {@link
   * Duration} as whole seconds); null removes the setting. A keyword Tusk does not know is reported
   * when connecting.
   */
  public ConnectionOptions set(String keyword, Object value) {
    Objects.requireNonNull(keyword, "keyword");
    Map<String, String> copy = new LinkedHashMap<>(keywords);
    if (value == null) {
      copy.remove(keyword);
    } else {
      copy.put(keyword, value instanceof Duration duration ? seconds(duration) : value.toString());
    }
    return new ConnectionOptions(
        Collections.unmodifiableMap(copy), tracer, passwordSupplier, oauthTokenSupplier);
  }

  /**
   * These settings with a {@link Tracer} that hears of every statement the connections run; null
   * removes it.
   */
  public ConnectionOptions tracer(Tracer<?> tracer) {
    return new ConnectionOptions(keywords, tracer, passwordSupplier, oauthTokenSupplier);
  }

  /** The tracer connections get, or null. */
  public Tracer<?> tracer() {
    return tracer;
  }

  /**
   * These settings with {@code supplier} giving OAuth bearer tokens to servers that ask for them
   * (PostgreSQL 18's {@code oauth} method; {@code oauth_issuer} must be set too); null removes it.
   * See {@link OAuthTokenSupplier} for when it is called and what it is given.
   */
  public ConnectionOptions oauthTokenSupplier(OAuthTokenSupplier supplier) {
    return new ConnectionOptions(keywords, tracer, passwordSupplier, supplier);
  }

  /** The OAuth token supplier connections get, or null. */
  public OAuthTokenSupplier oauthTokenSupplier() {
    return oauthTokenSupplier;
  }

  /** The server's host name, IP address or Unix-socket directory; a comma-separated list too. */
  public ConnectionOptions host(String host) {
    return set("host", host);
  }

  /** The server's port. */
  public ConnectionOptions port(int port) {
    return set("port", port);
  }

  /** The database to connect to. */
  public ConnectionOptions dbname(String dbname) {
    return set("dbname", dbname);
  }

  /** The user to connect as. */
  public ConnectionOptions user(String user) {
    return set("user", user);
  }

  /** The password, used as it is; {@link #toString()} never shows it. */
  public ConnectionOptions password(String password) {
    return set("password", password);
  }

  /**
   * These settings with {@code supplier} asked for the password each time a server asks for one
   * (every new connection, and each host of a host list), instead of a fixed password: for rotating
   * credentials such as cloud IAM tokens; null removes it. PGPASSWORD, the service file's password
   * and the password file are then not read, and a {@link #password(String) password} set as well
   * is an error when connecting. See {@link PasswordSupplier}.
   */
  public ConnectionOptions passwordSupplier(PasswordSupplier supplier) {
    return new ConnectionOptions(keywords, tracer, supplier, oauthTokenSupplier);
  }

  /** The password supplier connections get, or null. */
  public PasswordSupplier passwordSupplier() {
    return passwordSupplier;
  }

  /**
   * A SCRAM-SHA-256 ClientKey and ServerKey, base64-encoded ({@code scram_client_key} and {@code
   * scram_server_key}, as in libpq 18), to log in with instead of a password: for a proxy that
   * passes a user's SCRAM login on, as postgres_fdw does. They answer SCRAM only; {@link
   * #toString()} never shows them. See docs/security.md.
   */
  public ConnectionOptions scramKeys(String clientKey, String serverKey) {
    return set("scram_client_key", clientKey).set("scram_server_key", serverKey);
  }

  /** The {@code application_name} the server shows in {@code pg_stat_activity}. */
  public ConnectionOptions applicationName(String name) {
    return set("application_name", name);
  }

  /** How long connecting may take (whole seconds, at least one). */
  public ConnectionOptions connectTimeout(Duration timeout) {
    return set("connect_timeout", timeout);
  }

  /** The settings, keyword to value, in the order they were first set (passwords included). */
  public Map<String, String> keywords() {
    return keywords;
  }

  /** Opens a connection with these settings. */
  public Connection connect() {
    return Tusk.connect(keywords, tracer, passwordSupplier, oauthTokenSupplier);
  }

  /** Opens a connection without blocking the caller; see {@link Tusk#connectAsync(String)}. */
  public CompletableFuture<AsyncConnection> connectAsync() {
    return Tusk.connectAsync(keywords, tracer, passwordSupplier, oauthTokenSupplier);
  }

  /**
   * A {@code key=value} connection string of these settings, with passwords, keys and {@code
   * oauth_client_secret} masked. The tracer and the suppliers are not keywords, and are not shown.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    keywords.forEach(
        (keyword, value) -> {
          if (!text.isEmpty()) {
            text.append(' ');
          }
          text.append(keyword)
              .append('=')
              .append(SECRETS.contains(keyword) ? "********" : quote(value));
        });
    return text.toString();
  }

  /**
   * A value as libpq's {@code key=value} syntax reads it back: bare when it is safe, else in single
   * quotes with {@code \} and {@code '} escaped by a backslash.
   */
  static String quote(String value) {
    boolean bare = !value.isEmpty();
    for (int i = 0; i < value.length() && bare; i++) {
      char c = value.charAt(i);
      bare = !Character.isWhitespace(c) && c != '\'' && c != '\\' && c != '=';
    }
    if (bare) {
      return value;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('\'').toString();
  }

  private static String seconds(Duration duration) {
    long seconds = duration.toSeconds();
    if (duration.isNegative() || Duration.ofSeconds(seconds).compareTo(duration) != 0) {
      throw new IllegalArgumentException(
          "connection timeouts are whole seconds, not negative: " + duration);
    }
    return Long.toString(seconds);
  }
}
