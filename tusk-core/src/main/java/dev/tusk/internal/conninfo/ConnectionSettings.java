package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open a connection, validated and immutable. {@link #toString()} shows
 * passwords and SCRAM keys as {@code ********}.
 *
 * @param hosts the servers to try, in order; never empty
 * @param user the user name to log in as
 * @param database the database to connect to
 * @param password the password given in the string or PGPASSWORD, or null: then {@link
 *     #passwordFor(HostPort)} consults the password file
 * @param applicationName the {@code application_name} to report, or null for none
 * @param options command-line options for the server ({@code -c name=value ...}), or null
 * @param connectTimeout how long to wait for each host; always finite
 * @param sslMode how much TLS protection to insist on
 * @param keepalives whether to turn on TCP keepalives
 * @param keepalivesIdle idle time before the first keepalive, or null for the system default
 * @param targetSessionAttrs which kind of server to accept ({@code target_session_attrs})
 * @param maxMessageSize the largest backend message accepted, in bytes
 * @param scramMaxIterations the largest SCRAM iteration count accepted from a server
 * @param keepalivesInterval time between unanswered keepalives, or null for the system default
 * @param keepalivesCount unanswered keepalives before giving up, or 0 for the system default
 * @param loadBalanceHosts whether to try the hosts, and each host's addresses, in random order
 *     ({@code load_balance_hosts=random})
 * @param passfile the password file to consult when no password is given, or null for none
 * @param sslRootCert the trusted root certificates (a file that may not exist, by default {@code
 *     ~/.postgresql/root.crt}), {@link #SYSTEM_ROOT_CERT} for the system's trust store, or null
 * @param sslCert the client certificate (by default {@code ~/.postgresql/postgresql.crt}, used only
 *     if it exists), or null
 * @param sslKey the client certificate's key (by default {@code ~/.postgresql/postgresql.key}), or
 *     null
 * @param sslPassword the passphrase of {@code sslKey}, or null
 * @param statements automatic preparation and the query timeout
 * @param tls the remaining TLS settings (negotiation, SNI, versions, revocation lists)
 * @param channelBinding whether SCRAM binds to the TLS channel ({@code channel_binding})
 * @param requireAuth the authentication methods the server may use ({@code require_auth})
 * @param protocol the protocol versions to ask for and accept
 * @param requirePeer the operating-system user the server must run as, checked on Unix-domain
 *     sockets ({@code requirepeer}), or null for any
 * @param krbsrvname the Kerberos service name of the server for GSSAPI authentication ({@code
 *     krbsrvname}, by default {@code postgres}): the client asks for a ticket to {@code
 *     krbsrvname/host}
 * @param scramKeys the SCRAM ClientKey and ServerKey to authenticate with instead of a password
 *     ({@code scram_client_key} and {@code scram_server_key}), or null
 * @param oauth PostgreSQL 18's OAuth settings ({@code oauth_issuer}, ...) and the application's
 *     token source
 * @param passwordSource where to get each connection's password instead of {@code password},
 *     PGPASSWORD and the password file (the application's password supplier), or null
 * @param gssEncMode whether the session is encrypted by GSSAPI ({@code gssencmode})
 * @param gssDelegation whether the client's Kerberos credentials are forwarded to the server
 *     ({@code gssdelegation=1}), in GSSAPI authentication and encryption alike
 */
public record ConnectionSettings(
    List<HostPort> hosts,
    String user,
    String database,
    Password password,
    String applicationName,
    String options,
    Duration connectTimeout,
    SslMode sslMode,
    boolean keepalives,
    Duration keepalivesIdle,
    TargetSessionAttrs targetSessionAttrs,
    int maxMessageSize,
    int scramMaxIterations,
    Duration keepalivesInterval,
    int keepalivesCount,
    boolean loadBalanceHosts,
    Path passfile,
    Path sslRootCert,
    Path sslCert,
    Path sslKey,
    Password sslPassword,
    StatementSettings statements,
    TlsOptions tls,
    ChannelBindingMode channelBinding,
    RequireAuth requireAuth,
    ProtocolVersions protocol,
    String requirePeer,
    String krbsrvname,
    ScramKeys scramKeys,
    OAuthSettings oauth,
    PasswordSource passwordSource,
    GssEncMode gssEncMode,
    boolean gssDelegation) {

  /** {@code connect_timeout} when none is given: libpq waits forever, Tusk does not. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * {@code max_message_size} when none is given: 64 MiB. Rows of ordinary values fit many times
   * over, while one message cannot take more than a small share of a default-sized heap (the body
   * array, plus half of it while the reader grows it, plus what decoding makes of it). PostgreSQL
   * sends values up to 1 GiB: a user who stores such values raises the limit, up to 1 GiB.
   */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 << 20;

  /** {@code scram_max_iterations} when none is given. */
  public static final int DEFAULT_SCRAM_MAX_ITERATIONS = 100_000;

  /** {@code krbsrvname} when none is given, as in libpq. */
  public static final String DEFAULT_KRBSRVNAME = "postgres";

  /** {@code sslrootcert=system}: trust the system's root certificates, as libpq does. */
  public static final Path SYSTEM_ROOT_CERT = Path.of("system");

  /** Copies the host list and checks that required values are present. */
  public ConnectionSettings {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no hosts");
    }
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(sslMode, "sslMode");
    Objects.requireNonNull(targetSessionAttrs, "targetSessionAttrs");
    Objects.requireNonNull(statements, "statements");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(channelBinding, "channelBinding");
    Objects.requireNonNull(requireAuth, "requireAuth");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(krbsrvname, "krbsrvname");
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(gssEncMode, "gssEncMode");
  }

  /** These settings with {@code tokens} as the source of OAuth bearer tokens. */
  public ConnectionSettings withOAuthTokens(BearerTokenSource tokens) {
    return withApplicationSources(oauth.withTokens(tokens), passwordSource);
  }

  /** These settings with {@code source} giving the passwords (null: the usual sources). */
  public ConnectionSettings withPasswordSource(PasswordSource source) {
    return withApplicationSources(oauth, source);
  }

  /** These settings with the callbacks an application gives besides the keywords. */
  private ConnectionSettings withApplicationSources(OAuthSettings oauth, PasswordSource source) {
    return new ConnectionSettings(
        hosts,
        user,
        database,
        password,
        applicationName,
        options,
        connectTimeout,
        sslMode,
        keepalives,
        keepalivesIdle,
        targetSessionAttrs,
        maxMessageSize,
        scramMaxIterations,
        keepalivesInterval,
        keepalivesCount,
        loadBalanceHosts,
        passfile,
        sslRootCert,
        sslCert,
        sslKey,
        sslPassword,
        statements,
        tls,
        channelBinding,
        requireAuth,
        protocol,
        requirePeer,
        krbsrvname,
        scramKeys,
        oauth,
        source,
        gssEncMode,
        gssDelegation);
  }

  /**
   * The password for {@code host}: what the {@link #passwordSource()} gives, if there is one (asked
   * anew on every call); else {@link #password()} if given, else the first matching line of the
   * password file, else null. Reads the file on every call, as libpq does for each connection
   * attempt, so an edited file takes effect.
   *
   * @throws dev.tusk.errors.InvalidAuthorizationSpecification if the password source fails, or
   *     gives a null or empty password
   */
  public Password passwordFor(HostPort host) {
    if (passwordSource != null) {
      return SuppliedPassword.ask(passwordSource, host, user);
    }
    if (password != null || passfile == null) {
      return password;
    }
    return Passfile.lookup(passfile, host, database, user).orElse(null);
  }

  /** Whether {@code sslrootcert=system}: trust the system's root certificates. */
  public boolean usesSystemRootCerts() {
    return SYSTEM_ROOT_CERT.equals(sslRootCert);
  }
}
