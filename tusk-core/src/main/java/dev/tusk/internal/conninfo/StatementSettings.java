package dev.tusk.internal.conninfo;

import java.time.Duration;

/**
 * How a connection runs statements: automatic preparation and the default query timeout.
 *
 * @param prepareThreshold how many times a statement runs unprepared before it is prepared on the
 *     server; 0 prepares on the first run; negative never prepares (only the unnamed statement is
 *     used, as a transaction-mode pooler such as pgbouncer needs)
 * @param statementCacheSize how many prepared statements a connection keeps; the least recently
 *     used is closed on the server when a new one would exceed it; 0 never prepares
 * @param queryTimeout how long a statement may run before it is cancelled, or null for no limit
 * @param rewriteBatchedInserts whether {@code executeMany} of a plain one-row {@code INSERT ...
 *     VALUES} inserts many rows per statement (off by default, as pgjdbc's {@code
 *     reWriteBatchedInserts}: a statement trigger then fires once per statement, not per row)
 */
public record StatementSettings(
    int prepareThreshold,
    int statementCacheSize,
    Duration queryTimeout,
    boolean rewriteBatchedInserts) {

  /** The settings with batched inserts left as written. */
  public StatementSettings(int prepareThreshold, int statementCacheSize, Duration queryTimeout) {
    this(prepareThreshold, statementCacheSize, queryTimeout, false);
  }

  /** {@code prepare_threshold} when none is given, as in psycopg. */
  public static final int DEFAULT_PREPARE_THRESHOLD = 5;

  /** {@code statement_cache_size} when none is given. */
  public static final int DEFAULT_STATEMENT_CACHE_SIZE = 256;

  /** The defaults: prepare after 5 runs, keep 256, no timeout. */
  public static final StatementSettings DEFAULTS =
      new StatementSettings(DEFAULT_PREPARE_THRESHOLD, DEFAULT_STATEMENT_CACHE_SIZE, null);

  /** Whether statements are ever prepared under a name. */
  public boolean preparesStatements() {
    return prepareThreshold >= 0 && statementCacheSize > 0;
  }
}
