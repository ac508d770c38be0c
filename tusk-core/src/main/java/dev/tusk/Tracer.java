package dev.tusk;

/**
 * Hears of each statement a connection runs, for tracing, metrics or logs: {@link #start} when the
 * statement is about to be sent, {@link #end} once its outcome is known. Set it with {@link
 * ConnectionOptions#tracer(Tracer)}, {@link Tusk#connect(String, Tracer)} or a pool's {@code
 * PoolOptions.Builder.tracer}.
 *
 * <pre>{@code
 * Tracer<Long> slowLog = new Tracer<>() {
 *   public Long start(TracedStatement statement) { return null; }
 *   public void end(Long state, TracedStatement statement, StatementOutcome outcome) {
 *     if (outcome.duration().toMillis() > 500) log.warn("slow: " + statement.sql());
 *   }
 * };
 * Connection conn = Tusk.options().host("db").tracer(slowLog).connect();
 * }</pre>
 *
 * <p>What is traced: every statement run through a cursor or {@code execute} (sync and async),
 * {@code executeMany} (one trace for all its parameter sets) and each statement of a pipeline. The
 * driver's own statements (BEGIN, COMMIT, savepoints, catalog look-ups) are not.
 *
 * <p>What it sees: the SQL text as written, the connection's server, database and user, the rows,
 * the duration and the error. Parameter values only if {@link #includesParameters()} says so;
 * passwords never (they are not statements). A client cursor ({@link Connection#clientCursor()}) is
 * the exception: it renders its values into the SQL before sending it, and is traced with that
 * text.
 *
 * <p>Threads: {@code start} runs on the caller's thread, so a tracer can pick up the caller's
 * context there (the current span, say). {@code end} runs on whichever thread learns the outcome:
 * the caller's for the sync face, the connection's I/O thread for the async face, the consumer's at
 * the end of a streamed result. Keep both short: they are on the statement's path.
 *
 * <p>Failures: an exception a tracer throws is logged once per connection (logger {@code
 * dev.tusk.trace}, level WARNING) and otherwise ignored; the statement runs and returns as if no
 * tracer were set.
 *
 * @param <S> what {@code start} returns and {@code end} receives: a span, a timer, or nothing
 */
public interface Tracer<S> {

  /**
   * A statement is about to be sent.
   *
   * @return state handed to {@link #end} for this statement; may be null
   */
  S start(TracedStatement statement);

  /**
   * The statement has ended: its result has been received whole (for a streamed result, when the
   * stream ended or was closed), or it failed.
   *
   * @param state what {@link #start} returned for it
   */
  void end(S state, TracedStatement statement, StatementOutcome outcome);

  /**
   * Whether {@link TracedStatement#parameters()} carries the parameter values. False by default:
   * values are often personal or secret, so a tracer must ask for them.
   */
  default boolean includesParameters() {
    return false;
  }
}
