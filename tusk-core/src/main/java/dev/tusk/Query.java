package dev.tusk;

import java.time.Duration;
import java.util.Objects;

/**
 * A statement's text with options for one execution: whether to prepare it on the server and how
 * long it may run. Pass it where SQL text is taken: {@code conn.execute(Query.of(sql).withTimeout(
 * Duration.ofSeconds(2)), id)}.
 *
 * @param sql the statement, with {@code $n} or {@code :name} placeholders
 * @param prepare whether it runs as a named prepared statement: {@link Preparation#AUTOMATIC} (the
 *     connection's {@code prepare_threshold} decides), {@link Preparation#ALWAYS} or {@link
 *     Preparation#NEVER}
 * @param timeout how long it may run before it is cancelled with {@code QueryCanceled}; null for
 *     the connection's {@code query_timeout}; {@link Duration#ZERO} for no limit
 */
public record Query(String sql, Preparation prepare, Duration timeout) {

  /** Checks the text and the preparation are present and the timeout is not negative. */
  public Query {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(prepare, "prepare");
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("a query timeout cannot be negative: " + timeout);
    }
  }

  /** The statement with the connection's defaults. */
  public static Query of(String sql) {
    return new Query(sql, Preparation.AUTOMATIC, null);
  }

  /** This query, prepared on the server as {@code prepare} says. */
  public Query withPrepare(Preparation prepare) {
    return new Query(sql, prepare, timeout);
  }

  /**
   * This query, prepared on the server now ({@code true}, {@link Preparation#ALWAYS}) or never
   * ({@code false}, {@link Preparation#NEVER}).
   */
  public Query withPrepare(boolean prepare) {
    return withPrepare(prepare ? Preparation.ALWAYS : Preparation.NEVER);
  }

  /** This query, cancelled when it runs longer than {@code timeout} ({@code ZERO}: no limit). */
  public Query withTimeout(Duration timeout) {
    return new Query(sql, prepare, Objects.requireNonNull(timeout, "timeout"));
  }
}
