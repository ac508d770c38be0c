package dev.tusk;

import java.time.Duration;
import java.util.Objects;

/**
 * A statement's text with options for one execution: whether to prepare it on the server and how
 * long it may run. Pass it where SQL text is taken: {@code conn.execute(Query.of(sql).withTimeout(
 * Duration.ofSeconds(2)), id)}.
 *
 * @param sql the statement, with {@code $n} or {@code :name} placeholders
 * @param prepare true to run it as a named prepared statement now, false never to, null to leave it
 *     to the connection ({@code prepare_threshold})
 * @param timeout how long it may run before it is cancelled with {@code QueryCanceled}; null for
 *     the connection's {@code query_timeout}; {@link Duration#ZERO} for no limit
 */
public record Query(String sql, Boolean prepare, Duration timeout) {

  /** Checks the text is present and the timeout is not negative. */
  public Query {
    Objects.requireNonNull(sql, "sql");
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("a query timeout cannot be negative: " + timeout);
    }
  }

  /** The statement with the connection's defaults. */
  public static Query of(String sql) {
    return new Query(sql, null, null);
  }

  /** This query, prepared on the server now ({@code true}) or never ({@code false}). */
  public Query withPrepare(boolean prepare) {
    return new Query(sql, prepare, timeout);
  }

  /** This query, cancelled when it runs longer than {@code timeout} ({@code ZERO}: no limit). */
  public Query withTimeout(Duration timeout) {
    return new Query(sql, prepare, Objects.requireNonNull(timeout, "timeout"));
  }
}
