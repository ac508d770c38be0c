package dev.tusk.internal.conninfo;

import java.util.Optional;

/** A connection-string keyword Tusk supports, with the environment variable libpq reads for it. */
enum Keyword {
  HOST("host", "PGHOST"),
  HOSTADDR("hostaddr", "PGHOSTADDR"),
  PORT("port", "PGPORT"),
  DBNAME("dbname", "PGDATABASE"),
  USER("user", "PGUSER"),
  PASSWORD("password", "PGPASSWORD"),
  PASSFILE("passfile", "PGPASSFILE"),
  CONNECT_TIMEOUT("connect_timeout", "PGCONNECT_TIMEOUT"),
  // Tusk always speaks UTF8, so PGCLIENTENCODING (set for psql, perhaps) is not read.
  CLIENT_ENCODING("client_encoding", null),
  OPTIONS("options", "PGOPTIONS"),
  APPLICATION_NAME("application_name", "PGAPPNAME"),
  FALLBACK_APPLICATION_NAME("fallback_application_name", null),
  KEEPALIVES("keepalives", null),
  KEEPALIVES_IDLE("keepalives_idle", null),
  KEEPALIVES_INTERVAL("keepalives_interval", null),
  KEEPALIVES_COUNT("keepalives_count", null),
  SSLMODE("sslmode", "PGSSLMODE"),
  SSLROOTCERT("sslrootcert", "PGSSLROOTCERT"),
  SSLCERT("sslcert", "PGSSLCERT"),
  SSLKEY("sslkey", "PGSSLKEY"),
  SSLPASSWORD("sslpassword", null),
  SSLNEGOTIATION("sslnegotiation", "PGSSLNEGOTIATION"),
  SSLSNI("sslsni", "PGSSLSNI"),
  SSL_MIN_PROTOCOL_VERSION("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION"),
  SSL_MAX_PROTOCOL_VERSION("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION"),
  SSLCRL("sslcrl", "PGSSLCRL"),
  SSLCRLDIR("sslcrldir", "PGSSLCRLDIR"),
  SSLCERTMODE("sslcertmode", "PGSSLCERTMODE"),
  CHANNEL_BINDING("channel_binding", "PGCHANNELBINDING"),
  MIN_PROTOCOL_VERSION("min_protocol_version", "PGMINPROTOCOLVERSION"),
  MAX_PROTOCOL_VERSION("max_protocol_version", "PGMAXPROTOCOLVERSION"),
  REQUIRE_AUTH("require_auth", "PGREQUIREAUTH"),
  TARGET_SESSION_ATTRS("target_session_attrs", "PGTARGETSESSIONATTRS"),
  LOAD_BALANCE_HOSTS("load_balance_hosts", "PGLOADBALANCEHOSTS"),
  SERVICE("service", "PGSERVICE"),
  SERVICEFILE("servicefile", "PGSERVICEFILE"),
  REQUIREPEER("requirepeer", "PGREQUIREPEER"),
  KRBSRVNAME("krbsrvname", "PGKRBSRVNAME"),
  // libpq reads no environment variable for these either.
  SCRAM_CLIENT_KEY("scram_client_key", null),
  SCRAM_SERVER_KEY("scram_server_key", null),
  // PostgreSQL 18's OAuth; libpq reads no environment variable for these.
  OAUTH_ISSUER("oauth_issuer", null),
  OAUTH_SCOPE("oauth_scope", null),
  OAUTH_CLIENT_ID("oauth_client_id", null),
  OAUTH_CLIENT_SECRET("oauth_client_secret", null),
  GSSENCMODE("gssencmode", "PGGSSENCMODE"),
  GSSDELEGATION("gssdelegation", "PGGSSDELEGATION"),
  // Tusk's own limits.
  MAX_MESSAGE_SIZE("max_message_size", null),
  SCRAM_MAX_ITERATIONS("scram_max_iterations", null),
  // Tusk's statement handling.
  PREPARE_THRESHOLD("prepare_threshold", null),
  STATEMENT_CACHE_SIZE("statement_cache_size", null),
  QUERY_TIMEOUT("query_timeout", null),
  REWRITE_BATCHED_INSERTS("rewrite_batched_inserts", null);

  private final String word;
  private final String environmentVariable;

  Keyword(String word, String environmentVariable) {
    this.word = word;
    this.environmentVariable = environmentVariable;
  }

  /** The keyword as written in a connection string. */
  String word() {
    return word;
  }

  /** The PG* variable that supplies a value when the string has none, or null. */
  String environmentVariable() {
    return environmentVariable;
  }

  /** Whether values must never be echoed. */
  boolean isSecret() {
    return this == PASSWORD
        || this == SSLPASSWORD
        || this == SCRAM_CLIENT_KEY
        || this == SCRAM_SERVER_KEY
        || this == OAUTH_CLIENT_SECRET;
  }

  /** The keyword spelled {@code word}, if Tusk supports it. */
  static Optional<Keyword> find(String word) {
    for (Keyword keyword : values()) {
      if (keyword.word.equals(word)) {
        return Optional.of(keyword);
      }
    }
    return Optional.empty();
  }
}
