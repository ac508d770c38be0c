package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns checked keyword values into {@link ConnectionSettings}: each setting comes from the
 * connection string, else its PG* environment variable, else Tusk's default.
 */
final class SettingsResolver {

  private static final String SECONDS_OR_DEFAULT =
      "expected a whole number of seconds, or 0 for the system default";

  private static final String COUNT_OR_DEFAULT = "expected a count, or 0 for the system default";

  private final Options options;
  private final Environment environment;

  private static final Pattern DECIMAL_SECONDS = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,3})?");

  private SettingsResolver(Options options, Environment environment) {
    this.options = options;
    this.environment = environment;
  }

  /** The settings {@code options} describe in {@code environment}. */
  static ConnectionSettings resolve(Options options, Environment environment) {
    return new SettingsResolver(options, environment).resolve();
  }

  private ConnectionSettings resolve() {
    options.readService();
    options.checkUnsupportedEnvironment();
    checkClientEncoding();
    String user = user();
    Path sslRootCert = sslRootCert();
    SslMode sslMode = sslMode(sslRootCert);
    TlsOptions tls = TlsSettingsResolver.resolve(options, sslMode);
    return new ConnectionSettings(
        HostList.resolve(options, environment.socketDirectories()),
        user,
        textOr(Keyword.DBNAME, user),
        password(Keyword.PASSWORD),
        textOr(Keyword.APPLICATION_NAME, textOr(Keyword.FALLBACK_APPLICATION_NAME, null)),
        textOr(Keyword.OPTIONS, null),
        connectTimeout(),
        sslMode,
        keepalives(),
        seconds(Keyword.KEEPALIVES_IDLE),
        targetSessionAttrs(),
        maxMessageSize(),
        scramMaxIterations(),
        seconds(Keyword.KEEPALIVES_INTERVAL),
        intOr(Keyword.KEEPALIVES_COUNT, 0, Integer.MAX_VALUE, COUNT_OR_DEFAULT, 0),
        loadBalanceHosts(),
        pathOr(Keyword.PASSFILE, ".pgpass"),
        sslRootCert,
        pathOr(Keyword.SSLCERT, ".postgresql/postgresql.crt"),
        pathOr(Keyword.SSLKEY, ".postgresql/postgresql.key"),
        password(Keyword.SSLPASSWORD),
        statementSettings(),
        tls,
        channelBinding(),
        requireAuth(),
        ProtocolVersions.resolve(
            options.get(Keyword.MIN_PROTOCOL_VERSION), options.get(Keyword.MAX_PROTOCOL_VERSION)),
        textOr(Keyword.REQUIREPEER, null),
        krbsrvname(),
        ScramKeys.resolve(
            options.get(Keyword.SCRAM_CLIENT_KEY), options.get(Keyword.SCRAM_SERVER_KEY)),
        oauth(),
        null,
        gssEncMode(),
        gssDelegation());
  }

  private StatementSettings statementSettings() {
    return new StatementSettings(
        prepareThreshold(),
        intOr(
            Keyword.STATEMENT_CACHE_SIZE,
            0,
            1_000_000,
            "expected a number of statements from 0 (never prepare) to 1000000",
            StatementSettings.DEFAULT_STATEMENT_CACHE_SIZE),
        queryTimeout(),
        flag(Keyword.REWRITE_BATCHED_INSERTS, false));
  }

  /** A boolean as PostgreSQL spells one in its settings: on/off, true/false, yes/no, 1/0. */
  private boolean flag(Keyword keyword, boolean otherwise) {
    OptionValue value = options.get(keyword);
    if (value == null) {
      return otherwise;
    }
    return switch (value.text().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw value.invalid("expected on or off (also true/false, yes/no, 1/0)");
    };
  }

  /** A whole number, where a negative one or {@code none} means never (pgbouncer-safe). */
  private int prepareThreshold() {
    OptionValue value = options.get(Keyword.PREPARE_THRESHOLD);
    if (value == null) {
      return StatementSettings.DEFAULT_PREPARE_THRESHOLD;
    }
    if (value.text().equals("none")) {
      return -1;
    }
    return Math.max(
        -1,
        value.intFrom(
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            "expected a number of runs (0: prepare at once), or none or -1 to never prepare"));
  }

  /** Seconds, with up to three decimals; 0 or not given means no limit. */
  private Duration queryTimeout() {
    OptionValue value = options.get(Keyword.QUERY_TIMEOUT);
    if (value == null) {
      return null;
    }
    if (!DECIMAL_SECONDS.matcher(value.text()).matches()) {
      throw value.invalid("expected seconds, such as 30 or 0.25 (0: no limit)");
    }
    long millis = new BigDecimal(value.text()).movePointRight(3).longValueExact();
    return millis == 0 ? null : Duration.ofMillis(millis);
  }

  /** Tusk always asks the server for UTF8, so only that spelling is allowed. */
  private void checkClientEncoding() {
    OptionValue value = options.get(Keyword.CLIENT_ENCODING);
    if (value != null && !Set.of("utf8", "utf-8").contains(value.text().toLowerCase(Locale.ROOT))) {
      throw value.invalid("Tusk always uses UTF8");
    }
  }

  private String user() {
    OptionValue value = options.get(Keyword.USER);
    if (value != null) {
      return value.text();
    }
    String osUser = environment.osUser();
    if (osUser == null || osUser.isEmpty()) {
      throw new ProgrammingError(
          "no user name: the operating-system user is unknown, so give user=... or set PGUSER");
    }
    return osUser;
  }

  private Password password(Keyword keyword) {
    OptionValue value = options.get(keyword);
    return value == null ? null : new Password(value.text());
  }

  private Duration connectTimeout() {
    OptionValue value = options.get(Keyword.CONNECT_TIMEOUT);
    if (value == null) {
      return ConnectionSettings.DEFAULT_CONNECT_TIMEOUT;
    }
    return Duration.ofSeconds(
        value.intFrom(
            1,
            Integer.MAX_VALUE,
            "connect_timeout must be positive: a whole number of seconds (Tusk always limits the"
                + " wait)"));
  }

  /**
   * As in libpq, {@code sslrootcert=system} makes {@code verify-full} the default and forbids
   * weaker modes, since the system trusts certificates issued for any name.
   */
  private SslMode sslMode(Path sslRootCert) {
    OptionValue value = options.get(Keyword.SSLMODE);
    boolean system = ConnectionSettings.SYSTEM_ROOT_CERT.equals(sslRootCert);
    if (value == null) {
      return system ? SslMode.VERIFY_FULL : SslMode.PREFER;
    }
    SslMode mode =
        SslMode.find(value.text())
            .orElseThrow(() -> value.invalid("expected one of " + SslMode.SPELLINGS));
    if (system && mode != SslMode.VERIFY_FULL) {
      throw value.invalid("sslrootcert=system requires sslmode verify-full");
    }
    return mode;
  }

  private int maxMessageSize() {
    return intOr(
        Keyword.MAX_MESSAGE_SIZE,
        1024,
        1 << 30,
        "expected a number of bytes from 1024 to 1073741824",
        ConnectionSettings.DEFAULT_MAX_MESSAGE_SIZE);
  }

  /**
   * The cap on a server's iteration count; below RFC 7677's minimum of 4096 it would refuse all.
   */
  private int scramMaxIterations() {
    return intOr(
        Keyword.SCRAM_MAX_ITERATIONS,
        4096,
        Integer.MAX_VALUE,
        "expected a number of at least 4096",
        ConnectionSettings.DEFAULT_SCRAM_MAX_ITERATIONS);
  }

  private ChannelBindingMode channelBinding() {
    OptionValue value = options.get(Keyword.CHANNEL_BINDING);
    if (value == null) {
      return ChannelBindingMode.PREFER;
    }
    return switch (value.text()) {
      case "disable" -> ChannelBindingMode.DISABLE;
      case "prefer" -> ChannelBindingMode.PREFER;
      case "require" -> ChannelBindingMode.REQUIRE;
      default -> throw value.invalid("expected disable, prefer or require");
    };
  }

  private RequireAuth requireAuth() {
    OptionValue value = options.get(Keyword.REQUIRE_AUTH);
    return value == null ? RequireAuth.ANY : RequireAuth.parse(value);
  }

  private boolean keepalives() {
    OptionValue value = options.get(Keyword.KEEPALIVES);
    return value == null || value.intFrom(0, 1, "expected 1 (on) or 0 (off)") == 1;
  }

  /** A duration in seconds, or null for the system default (0 or not given). */
  private Duration seconds(Keyword keyword) {
    int seconds = intOr(keyword, 0, Integer.MAX_VALUE, SECONDS_OR_DEFAULT, 0);
    return seconds == 0 ? null : Duration.ofSeconds(seconds);
  }

  private TargetSessionAttrs targetSessionAttrs() {
    OptionValue value = options.get(Keyword.TARGET_SESSION_ATTRS);
    if (value == null) {
      return TargetSessionAttrs.ANY;
    }
    return TargetSessionAttrs.find(value.text())
        .orElseThrow(() -> value.invalid("expected one of " + TargetSessionAttrs.SPELLINGS));
  }

  /** {@code random} shuffles the hosts, and each host's addresses, before trying them. */
  private boolean loadBalanceHosts() {
    OptionValue value = options.get(Keyword.LOAD_BALANCE_HOSTS);
    if (value == null || value.text().equals("disable")) {
      return false;
    }
    if (!value.text().equals("random")) {
      throw value.invalid("expected disable or random");
    }
    return true;
  }

  private Path sslRootCert() {
    OptionValue value = options.get(Keyword.SSLROOTCERT);
    if (value != null && value.text().equals("system")) {
      return ConnectionSettings.SYSTEM_ROOT_CERT;
    }
    return pathOr(Keyword.SSLROOTCERT, ".postgresql/root.crt");
  }

  /** The path given for {@code keyword}, else {@code inHome} under the home directory, or null. */
  private Path pathOr(Keyword keyword, String inHome) {
    OptionValue value = options.get(keyword);
    if (value == null) {
      Path home = environment.homeDirectory();
      return home == null ? null : home.resolve(inHome);
    }
    try {
      return Path.of(value.text());
    } catch (InvalidPathException e) {
      throw value.invalid("not a valid path: " + e.getReason());
    }
  }

  /**
   * libpq's default is {@code prefer}; the engine then asks for GSSAPI encryption only when the
   * client has Kerberos credentials, so a connection without them pays nothing for it.
   */
  private GssEncMode gssEncMode() {
    OptionValue value = options.get(Keyword.GSSENCMODE);
    if (value == null || value.text().isEmpty()) {
      return GssEncMode.PREFER;
    }
    return GssEncMode.find(value.text())
        .orElseThrow(() -> value.invalid("expected one of " + GssEncMode.SPELLINGS));
  }

  /** libpq's {@code gssdelegation}: 1 forwards the client's credentials, 0 (the default) not. */
  private boolean gssDelegation() {
    OptionValue value = options.get(Keyword.GSSDELEGATION);
    if (value == null || value.text().isEmpty()) {
      return false;
    }
    return value.intFrom(0, 1, "expected 0 (keep credentials) or 1 (delegate them)") == 1;
  }

  /** An empty krbsrvname means the default, as an empty value does for libpq. */
  private String krbsrvname() {
    String name = textOr(Keyword.KRBSRVNAME, "");
    return name.isEmpty() ? ConnectionSettings.DEFAULT_KRBSRVNAME : name;
  }

  /** The {@code oauth_*} keywords; the token source is the application's, added when connecting. */
  private OAuthSettings oauth() {
    return new OAuthSettings(
        textOr(Keyword.OAUTH_ISSUER, null),
        textOr(Keyword.OAUTH_SCOPE, null),
        textOr(Keyword.OAUTH_CLIENT_ID, null),
        password(Keyword.OAUTH_CLIENT_SECRET),
        null);
  }

  private String textOr(Keyword keyword, String fallback) {
    OptionValue value = options.get(keyword);
    return value == null ? fallback : value.text();
  }

  private int intOr(Keyword keyword, int min, int max, String expectation, int fallback) {
    OptionValue value = options.get(keyword);
    return value == null ? fallback : value.intFrom(min, max, expectation);
  }
}
