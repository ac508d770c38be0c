package dev.tusk.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What one JDBC connection is opened with: the libpq keywords for Tusk and the settings that live
 * in the JDBC layer. Built from pgjdbc's property names and from libpq keywords (see docs/jdbc.md
 * for the table); any other name, or a value tusk-jdbc cannot honour, is an error naming it.
 *
 * @param keywords libpq keywords and their values, for {@link dev.tusk.ConnectionOptions#of(Map)}
 * @param settings the JDBC layer's own settings
 */
record ConnectionConfig(Map<String, String> keywords, JdbcSettings settings) {

  /** libpq keywords passed to Tusk as they are (Tusk validates their values). */
  static final Set<String> LIBPQ_KEYWORDS =
      Set.of(
          "host",
          "hostaddr",
          "port",
          "dbname",
          "user",
          "password",
          "passfile",
          "connect_timeout",
          "client_encoding",
          "options",
          "application_name",
          "fallback_application_name",
          "keepalives",
          "keepalives_idle",
          "keepalives_interval",
          "keepalives_count",
          "sslmode",
          "sslrootcert",
          "sslcert",
          "sslkey",
          "sslpassword",
          "sslnegotiation",
          "sslsni",
          "ssl_min_protocol_version",
          "ssl_max_protocol_version",
          "sslcrl",
          "sslcrldir",
          "sslcertmode",
          "channel_binding",
          "require_auth",
          "target_session_attrs",
          "load_balance_hosts",
          "max_message_size",
          "scram_max_iterations",
          "scram_client_key",
          "scram_server_key",
          "krbsrvname",
          "gsslib",
          "gssencmode",
          "gssdelegation",
          "oauth_issuer",
          "oauth_client_id",
          "oauth_client_secret",
          "oauth_scope",
          "prepare_threshold",
          "statement_cache_size",
          "query_timeout");

  /** pgjdbc properties with a libpq keyword of the same meaning. */
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("PGHOST", "host"),
          Map.entry("PGPORT", "port"),
          Map.entry("PGDBNAME", "dbname"),
          Map.entry("ApplicationName", "application_name"),
          Map.entry("connectTimeout", "connect_timeout"),
          Map.entry("kerberosServerName", "krbsrvname"),
          Map.entry("gssEncMode", "gssencmode"),
          Map.entry("preparedStatementCacheQueries", "statement_cache_size"),
          Map.entry("reWriteBatchedInserts", "rewrite_batched_inserts"));

  /**
   * pgjdbc properties accepted with no effect, each for a stated reason (docs/jdbc.md repeats it).
   */
  static final Map<String, String> ACCEPTED_WITHOUT_EFFECT =
      Map.of(
          "preparedStatementCacheSizeMiB", "Tusk's cache is bounded by statement count",
          "binaryTransfer", "Tusk chooses binary per column whenever it has a codec",
          "assumeMinServerVersion", "Tusk asks for no server version at startup",
          "logUnclosedConnections", "not tracked; close connections or use a pool",
          "sslResponseTimeout", "connect_timeout bounds the whole start-up, TLS included");

  /** The options tusk-jdbc understands, for {@link java.sql.Driver#getPropertyInfo}. */
  static final List<String> PGJDBC_PROPERTIES =
      List.of(
          "user",
          "password",
          "ssl",
          "sslmode",
          "sslrootcert",
          "sslcert",
          "sslkey",
          "sslpassword",
          "sslfactory",
          "sslhostnameverifier",
          "ApplicationName",
          "currentSchema",
          "options",
          "connectTimeout",
          "loginTimeout",
          "socketTimeout",
          "tcpKeepAlive",
          "prepareThreshold",
          "preparedStatementCacheQueries",
          "defaultRowFetchSize",
          "targetServerType",
          "loadBalanceHosts",
          "stringtype",
          "readOnly",
          "autosave",
          "escapeSyntaxCallMode");

  /** Builds the config from the merged URL and Properties settings. */
  static ConnectionConfig of(Properties properties) throws SQLException {
    Builder builder = new Builder();
    for (String name : properties.stringPropertyNames()) {
      builder.apply(name, properties.getProperty(name));
    }
    return builder.build();
  }

  /** Keywords whose values are never shown (the data source's properties too). */
  static final Set<String> SECRETS =
      Set.of(
          "password", "sslpassword", "scram_client_key", "scram_server_key", "oauth_client_secret");

  /** The keywords as libpq {@code key='value'} text. */
  String conninfo() {
    return text(false);
  }

  /** The conninfo with the passwords, SCRAM keys and OAuth client secret masked, for messages. */
  @Override
  public String toString() {
    return text(true);
  }

  private String text(boolean masked) {
    StringBuilder text = new StringBuilder();
    keywords.forEach(
        (key, value) -> {
          if (!text.isEmpty()) {
            text.append(' ');
          }
          String shown = masked && SECRETS.contains(key) ? "********" : value;
          text.append(key).append("='");
          text.append(shown.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        });
    return text.toString();
  }

  private static final class Builder {
    private final Map<String, String> conninfo = new LinkedHashMap<>();
    private final List<String> options = new ArrayList<>();
    private final JdbcSettings.Builder settings = new JdbcSettings.Builder();
    private String loginTimeout;

    void apply(String name, String value) throws SQLException {
      if (LIBPQ_KEYWORDS.contains(name)) {
        if (name.equals("sslmode")) {
          conninfo.put(name, value.toLowerCase(Locale.ROOT)); // pgjdbc ignores its case
        } else if (name.equals("options")) {
          options.add(value);
        } else {
          conninfo.put(name, value);
        }
      } else if (RENAMED.containsKey(name)) {
        conninfo.put(RENAMED.get(name), value);
      } else if (ACCEPTED_WITHOUT_EFFECT.containsKey(name)) {
        parseBoolean(name, value, true); // still refuse a misspelt value where it is a flag
      } else {
        applyPgjdbc(name, value);
      }
    }

    private void applyPgjdbc(String name, String value) throws SQLException {
      switch (name) {
        case "ssl" ->
            // pgjdbc: true (or empty) verifies everything, false leaves the default, prefer.
            conninfo.putIfAbsent(
                "sslmode",
                value.isEmpty() || parseBoolean(name, value, false) ? "verify-full" : "prefer");
        case "sslfactory", "sslfactoryarg" -> TlsProperties.checkFactory(name, value);
        case "sslhostnameverifier" -> TlsProperties.checkHostnameVerifier(value);
        case "sslpasswordcallback" -> throw TlsProperties.passwordCallback();
        case "currentSchema" -> options.add("-c search_path=" + escapeOption(value));
        case "loginTimeout" -> loginTimeout = value;
        case "socketTimeout" -> settings.networkTimeoutMillis(nonNegative(name, value) * 1000);
        case "tcpKeepAlive" ->
            conninfo.put("keepalives", parseBoolean(name, value, false) ? "1" : "0");
        case "prepareThreshold" -> conninfo.put("prepare_threshold", prepareThreshold(value));
        case "defaultRowFetchSize" -> settings.defaultFetchSize(nonNegative(name, value));
        case "targetServerType" -> conninfo.put("target_session_attrs", targetServerType(value));
        case "loadBalanceHosts" ->
            conninfo.put(
                "load_balance_hosts", parseBoolean(name, value, false) ? "random" : "disable");
        case "stringtype" -> settings.stringUnspecified(stringType(value));
        case "readOnly" -> settings.readOnly(parseBoolean(name, value, false));
        case "autosave" -> requireValue(name, value, "never");
        case "escapeSyntaxCallMode" -> settings.callMode(EscapeCallMode.of(value));
        default -> throw unknown(name);
      }
    }

    ConnectionConfig build() {
      if (loginTimeout != null) {
        conninfo.putIfAbsent("connect_timeout", loginTimeout);
      }
      if (options.stream().noneMatch(o -> o.toLowerCase(Locale.ROOT).contains("timezone="))) {
        String zone = sessionTimeZone();
        if (zone != null) {
          options.add("-c TimeZone=" + zone);
        }
      }
      if (!options.isEmpty()) {
        conninfo.put("options", String.join(" ", options));
      }
      return new ConnectionConfig(
          Collections.unmodifiableMap(new LinkedHashMap<>(conninfo)), settings.build());
    }

    /**
     * The JVM's zone as the session's TimeZone, as pgjdbc sets it, so that a {@link
     * java.sql.Timestamp} and the server's {@code timestamptz} agree. Fixed offsets are left out:
     * PostgreSQL reads a bare offset with the POSIX sign, the opposite of Java's.
     */
    private static String sessionTimeZone() {
      ZoneId zone = ZoneId.systemDefault().normalized();
      if (zone.equals(ZoneOffset.UTC)) {
        return "UTC";
      }
      return zone instanceof ZoneOffset ? null : zone.getId();
    }

    private static String escapeOption(String value) {
      return value.replace("\\", "\\\\").replace(" ", "\\ ");
    }

    private static String prepareThreshold(String value) throws SQLException {
      int threshold = integer("prepareThreshold", value);
      // pgjdbc: 0 turns server-side prepare off and a negative value prepares at once.
      return threshold == 0 ? "none" : String.valueOf(Math.max(threshold, 0));
    }

    private static String targetServerType(String value) throws SQLException {
      return switch (value) {
        case "any" -> "any";
        case "primary", "master" -> "primary";
        case "secondary", "standby", "slave" -> "standby";
        case "preferSecondary", "preferStandby", "preferSlave" -> "prefer-standby";
        case "readWrite" -> "read-write";
        case "readOnly" -> "read-only";
        default ->
            throw new SQLException(
                "unsupported targetServerType \""
                    + value
                    + "\": use any, primary, standby, preferStandby, readWrite or readOnly",
                "08001");
      };
    }

    private static boolean stringType(String value) throws SQLException {
      return switch (value) {
        case "varchar" -> false;
        case "unspecified" -> true;
        default ->
            throw new SQLException(
                "unsupported stringtype \"" + value + "\": use varchar or unspecified", "08001");
      };
    }

    private static void requireValue(String name, String value, String only)
        throws SQLFeatureNotSupportedException {
      if (!value.equals(only)) {
        throw new SQLFeatureNotSupportedException(
            name + "=" + value + " is not supported by tusk-jdbc; only " + only + " is", "0A000");
      }
    }

    private static boolean parseBoolean(String name, String value, boolean lenient)
        throws SQLException {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> {
          if (lenient) {
            yield false;
          }
          throw new SQLException(name + " must be true or false, not \"" + value + "\"", "08001");
        }
      };
    }

    private static int nonNegative(String name, String value) throws SQLException {
      int number = integer(name, value);
      if (number < 0) {
        throw new SQLException(name + " cannot be negative: " + value, "08001");
      }
      return number;
    }

    private static int integer(String name, String value) throws SQLException {
      try {
        return Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new SQLException(name + " must be a whole number, not \"" + value + "\"", "08001");
      }
    }

    private static SQLException unknown(String name) {
      return new SQLException(
          "unknown or unsupported connection property \""
              + name
              + "\" (see docs/jdbc.md for the properties tusk-jdbc takes)",
          "08001");
    }
  }
}
