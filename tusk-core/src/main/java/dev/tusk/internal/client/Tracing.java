package dev.tusk.internal.client;

import dev.tusk.ConnectionInfo;
import dev.tusk.StatementOutcome;
import dev.tusk.TracedStatement;
import dev.tusk.Tracer;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.StatementResult;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A connection's statement tracing: its {@link Tracer} (if any) and the JFR {@code
 * dev.tusk.Statement} event. With neither, {@link #start} returns null at the cost of a field read
 * and a flag check, and nothing is allocated; every other method accepts that null.
 *
 * <p>A tracer that throws never breaks the statement: the failure is logged once per connection and
 * the statement goes on.
 */
final class Tracing {

  private static final System.Logger LOG = System.getLogger("dev.tusk.trace");

  // isEnabled() on an instance reads JFR's switch for the event class.
  private static final StatementEvent PROBE = new StatementEvent();

  private final Tracer<Object> tracer;
  private final ConnectionInfo connection;
  private final AtomicBoolean complained = new AtomicBoolean();

  @SuppressWarnings("unchecked") // the tracer only ever gets back what its own start returned
  Tracing(Tracer<?> tracer, ConnectionInfo connection) {
    this.tracer = (Tracer<Object>) tracer;
    this.connection = connection;
  }

  /** One statement being traced. */
  static final class Trace {
    private final TracedStatement statement;
    private final long startNanos;
    private final StatementEvent event;
    private final AtomicBoolean ended = new AtomicBoolean();
    private Object state;

    private Trace(TracedStatement statement, StatementEvent event) {
      this.statement = statement;
      this.event = event;
      this.startNanos = System.nanoTime();
    }
  }

  /**
   * Starts tracing a statement about to be sent with {@code sets} (its parameter sets; the values
   * reach the tracer only if it asks); null when nothing listens.
   */
  Trace start(String sql, List<Object[]> sets) {
    boolean recorded = PROBE.isEnabled();
    if (tracer == null && !recorded) {
      return null;
    }
    return begin(sql, sets, recorded);
  }

  private Trace begin(String sql, List<Object[]> sets, boolean recorded) {
    boolean withValues = tracer != null && safely(tracer::includesParameters, false);
    TracedStatement statement =
        new TracedStatement(sql, withValues ? values(sets) : List.of(), sets.size(), connection);
    StatementEvent event = null;
    if (recorded) {
      event = new StatementEvent();
      event.begin();
    }
    Trace trace = new Trace(statement, event);
    if (tracer != null) {
      trace.state = safely(() -> tracer.start(statement), null);
    }
    return trace;
  }

  /** Ends a trace with the statement's results: the rows their command tags report. */
  void succeeded(Trace trace, List<StatementResult> results) {
    if (trace != null) {
      end(trace, rows(results), null);
    }
  }

  /** Ends a trace with the statement's error. */
  void failed(Trace trace, TuskException error) {
    if (trace != null) {
      end(trace, 0, error);
    }
  }

  /** Ends a trace as the step's outcome says: its results, or its error. */
  void ended(Trace trace, List<StatementResult> results, TuskException error) {
    if (error != null) {
      failed(trace, error);
    } else {
      succeeded(trace, results);
    }
  }

  private void end(Trace trace, long rows, TuskException error) {
    if (!trace.ended.compareAndSet(false, true)) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - trace.startNanos);
    StatementOutcome outcome = new StatementOutcome(rows, duration, error);
    if (trace.event != null) {
      record(trace.event, trace.statement, outcome);
    }
    if (tracer != null) {
      safely(
          () -> {
            tracer.end(trace.state, trace.statement, outcome);
            return null;
          },
          null);
    }
  }

  private static void record(StatementEvent event, TracedStatement statement, StatementOutcome o) {
    event.end();
    if (event.shouldCommit()) {
      event.sql = statement.sql();
      event.parameterSets = statement.parameterSets();
      event.rows = o.rows();
      event.sqlState = o.sqlState();
      event.error = o.error() == null ? null : o.error().getMessage();
      event.host = statement.connection().host();
      event.port = statement.connection().port();
      event.database = statement.connection().database();
      event.commit();
    }
  }

  /** The rows the results' command tags report, summed (a tag without a count adds nothing). */
  static long rows(List<StatementResult> results) {
    long rows = 0;
    for (StatementResult result : results) {
      rows += Math.max(result.rowCount(), 0);
    }
    return rows;
  }

  private static List<List<Object>> values(List<Object[]> sets) {
    List<List<Object>> values = new ArrayList<>(sets.size());
    for (Object[] set : sets) {
      values.add(Collections.unmodifiableList(Arrays.asList(set.clone())));
    }
    return Collections.unmodifiableList(values);
  }

  /** Runs a tracer call; what it throws is logged (once per connection) and swallowed. */
  private <T> T safely(Supplier<T> call, T otherwise) {
    try {
      return call.get();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (complained.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "the tracer "
                + tracer.getClass().getName()
                + " threw; statements go on, and this connection will not report it again",
            e);
      }
      return otherwise;
    }
  }
}
