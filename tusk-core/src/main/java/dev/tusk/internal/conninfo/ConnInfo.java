package dev.tusk.internal.conninfo;

import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.errors.ProgrammingError;
import java.util.Map;
import java.util.Objects;

/**
 * Parses libpq connection strings into {@link ConnectionSettings}, in either form:
 *
 * <ul>
 *   <li>{@code host=db1,db2 port=5432 dbname=app user=bob password='it\'s'}: whitespace-separated
 *       {@code keyword=value}, values optionally in single quotes, {@code \'} and {@code \\}
 *       escapes; the empty string is valid;
 *   <li>{@code postgresql://bob:secret@db1:5432,[::1]:5433/app?sslmode=require} (or {@code
 *       postgres://}), percent-encoded.
 * </ul>
 *
 * <p>A setting missing from the string comes from its PG* environment variable (PGHOST, PGHOSTADDR,
 * PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE, PGCONNECT_TIMEOUT, PGOPTIONS, PGAPPNAME,
 * PGSSLMODE, PGSSLROOTCERT, PGSSLCERT, PGSSLKEY, PGTARGETSESSIONATTRS, PGLOADBALANCEHOSTS,
 * PGSERVICE, PGSERVICEFILE, ...), else from the default: the local server's Unix-domain socket as
 * libpq would use it (the first of {@code /run/postgresql}, {@code /var/run/postgresql} and {@code
 * /tmp} that holds one for the port), else host {@code localhost}; port 5432, the operating-system
 * user, a database named like the user, {@code sslmode=prefer} and {@code gssencmode=prefer}
 * (GSSAPI encryption is then tried only with Kerberos credentials at hand), a 30-second connect
 * timeout (libpq waits forever; Tusk's {@code connect_timeout} must be positive), keepalives on, 64
 * MiB messages and 100,000 SCRAM iterations at most. An empty value means the default. Tusk's own
 * keywords are {@code max_message_size} (bytes, 1 KiB to 1 GiB), {@code scram_max_iterations} (at
 * least 4096), {@code prepare_threshold} (runs before a statement is prepared, 5 by default; 0 at
 * once; {@code none} or -1 never), {@code statement_cache_size} (prepared statements kept, 256 by
 * default), {@code query_timeout} (seconds, decimals allowed; none by default) and {@code
 * rewrite_batched_inserts} ({@code on} or {@code off}, the default: whether {@code executeMany} of
 * a one-row {@code INSERT ... VALUES} inserts many rows per statement).
 *
 * <p>{@code hostaddr} gives the address to connect to for the host at the same position (see {@link
 * HostList}); {@code target_session_attrs} and {@code load_balance_hosts} decide which server is
 * taken and in what order (see {@code engine.HostWalk}). {@code service} (or PGSERVICE) reads a
 * group of settings from the service file (see {@link ServiceFile}); they rank after the string's
 * and before the environment variables. An unknown keyword is a {@link ProgrammingError}; a libpq
 * keyword for a feature Tusk lacks ({@code gsslib}, {@code sslkeylogfile}, ...), given in the
 * string, the service file or its environment variable, is a {@link FeatureNotSupported} (a {@link
 * NotSupportedError}) unless its value asks for nothing (such as {@code gsslib=gssapi}).
 * PGCLIENTENCODING is ignored: Tusk always uses UTF8.
 *
 * <p>The password file is not read here but when connecting, per host: see {@link
 * ConnectionSettings#passwordFor(HostPort)}.
 */
public final class ConnInfo {

  private ConnInfo() {}

  /**
   * Parses {@code conninfo} with the real environment variables, home directory and user.
   *
   * @throws ProgrammingError for a malformed string, an unknown keyword or an invalid value
   * @throws FeatureNotSupported for a libpq feature Tusk does not have
   */
  public static ConnectionSettings parse(String conninfo) {
    return parse(conninfo, Environment.system());
  }

  /**
   * Reads settings given as libpq keywords and their values, as they are: nothing to quote or
   * escape. The PG* variables and defaults fill in the rest, as for a string.
   *
   * @throws ProgrammingError for an unknown keyword, a null keyword or an invalid value
   * @throws FeatureNotSupported for a libpq feature Tusk does not have
   */
  public static ConnectionSettings fromKeywords(Map<String, String> keywords) {
    return fromKeywords(keywords, Environment.system());
  }

  /** Like {@link #fromKeywords(Map)}, with defaults from {@code environment}. */
  public static ConnectionSettings fromKeywords(
      Map<String, String> keywords, Environment environment) {
    Objects.requireNonNull(keywords, "keywords");
    Options options = new Options(Objects.requireNonNull(environment, "environment"));
    keywords.forEach(
        (keyword, value) -> {
          if (keyword == null) {
            throw new ProgrammingError("a connection setting has no keyword");
          }
          options.put(keyword, value == null ? "" : value);
        });
    return SettingsResolver.resolve(options, environment);
  }

  /**
   * Parses {@code conninfo}, taking defaults from {@code environment}. Reads no file but the
   * service file, when a service is named.
   *
   * @throws ProgrammingError for a malformed string, an unknown keyword or an invalid value
   * @throws FeatureNotSupported for a libpq feature Tusk does not have
   */
  public static ConnectionSettings parse(String conninfo, Environment environment) {
    Objects.requireNonNull(conninfo, "conninfo");
    Options options = new Options(Objects.requireNonNull(environment, "environment"));
    if (UriParser.isUri(conninfo)) {
      UriParser.parse(conninfo, options);
    } else {
      KeywordValueParser.parse(conninfo, options);
    }
    return SettingsResolver.resolve(options, environment);
  }
}
