package dev.tusk.internal.client;

import dev.tusk.Preparation;
import dev.tusk.Query;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.StatementSettings;
import dev.tusk.internal.engine.CopyRequest;
import dev.tusk.internal.engine.DescribeStatement;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.PreparedStatement;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.SimpleQuery;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import dev.tusk.internal.engine.Waiting;
import dev.tusk.internal.query.ParsedSql;
import dev.tusk.internal.query.PlaceholderParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Turns a cursor's calls into exchanges: chooses the protocol, binds parameters through the codecs,
 * plans prepared statements and learns which statements can return binary results.
 *
 * <p>A single statement runs over the extended protocol, even without parameters, so its results
 * can come back in binary. Several statements in one text, which only the simple protocol allows,
 * run over it when there are no parameters. A statement that failed only because its cached
 * prepared statement went stale is prepared again and retried once, when no transaction was open
 * (inside one, the transaction is already aborted and the error is the caller's to handle).
 */
final class Statements {

  /**
   * A statement ready to be planned: its cache entry, options, bound parameter sets, and the
   * registry of the cursor that runs it (which decides the result formats). {@code columnTypes},
   * when not null, are the result column types the caller knows it will get (a server cursor's
   * FETCH): the formats are chosen for them rather than for what the cache learned from the text.
   * {@code values} are the caller's parameter sets as given, for a tracer that asks for them.
   */
  record Bound(
      StatementCache.Entry entry,
      Query query,
      ParameterBinder.Bound parameters,
      TypeScope types,
      int[] columnTypes,
      List<Object[]> values) {}

  private final ConnectionCore connection;
  private final Session session;
  private final StatementSettings settings;
  private final StatementCache cache = new StatementCache();
  private final StepPlanner planner;
  private final Tracing tracing;
  private final UnnestInserts inserts;

  Statements(ConnectionCore connection, StatementSettings settings, Tracing tracing) {
    this.connection = connection;
    this.session = connection.session();
    this.settings = settings;
    this.planner = new StepPlanner(session, settings);
    this.tracing = tracing;
    this.inserts = new UnnestInserts(connection, cache);
  }

  /** The connection's statement tracing, for pipelines. */
  Tracing tracing() {
    return tracing;
  }

  /** Starts tracing a bound statement (null when nothing listens). */
  Tracing.Trace trace(Bound statement) {
    return tracing.start(statement.query().sql(), statement.values());
  }

  /**
   * What a cursor's execute got: the results, the first one's stream if it is still arriving, and
   * the memo of the statement's result columns (null for a script).
   */
  record Ran(List<StatementResult> results, RowStream stream, ColumnsMemo columns) {}

  /**
   * Runs a statement with positional parameters, sent through {@code types}, for a cursor. A
   * parameterless script runs over the simple protocol; a lone statement whose rows overflow {@code
   * streaming}'s rows returns once they do, its result still streaming.
   */
  Ran stream(Query query, Object[] params, TypeScope types, Streaming streaming) {
    Bound statement = scriptOrBound(query, params, types);
    return statement == null ? new Ran(runScript(query), null, null) : ran(statement, streaming);
  }

  /** The named-parameter face of {@link #stream(Query, Object[], TypeScope, Streaming)}. */
  Ran stream(Query query, Map<String, ?> params, TypeScope types, Streaming streaming) {
    return ran(bind(query, params, types), streaming);
  }

  private Ran ran(Bound statement, Streaming streaming) {
    return streaming.streams()
        ? runStreaming(statement, streaming)
        : new Ran(runExtended(statement), null, statement.entry().columns());
  }

  /**
   * Runs a statement once per parameter set: in one request when the encoded sets fit in {@link
   * ChunkedMany#CHUNK_BYTES}, else as several requests kept in flight, one unit all the same. With
   * {@code rewrite_batched_inserts} on, a one-row INSERT's sets go as column arrays ({@link
   * UnnestInserts}).
   */
  List<StatementResult> runMany(Query query, List<?> paramSets, TypeScope types) {
    if (paramSets.isEmpty()) {
      return List.of();
    }
    ManySets sets = manySets(query, paramSets, types);
    try {
      return runMany(sets);
    } catch (TuskException e) {
      inserts.failed(sets);
      throw e;
    }
  }

  private List<StatementResult> runMany(ManySets sets) {
    ManySets.Encoded first = sets.encode(0);
    if (first.end() == sets.size()) {
      return runExtended(sets.bound(first.bindings()));
    }
    // Traced as the one statement the caller ran, however many requests carry it.
    Tracing.Trace trace = trace(sets.bound(first.bindings()));
    try {
      List<StatementResult> results = new ChunkedMany(this, connection, sets).run(first);
      tracing.succeeded(trace, results);
      return results;
    } catch (TuskException e) {
      tracing.failed(trace, e);
      throw e;
    }
  }

  /** The caller's sets, rewritten as column arrays when the connection asks and they allow it. */
  private ManySets manySets(Query query, List<?> paramSets, TypeScope types) {
    EachSet sets = setsOf(query, paramSets, types);
    return settings.rewriteBatchedInserts() && sets.size() > 1
        ? inserts.rewrite(sets, timeout(query))
        : sets;
  }

  /**
   * The async face of {@link #stream(Query, Object[], TypeScope, int)}, always collecting: queues
   * the request on the calling thread and returns at once; {@code onSubmit} learns each request
   * queued (a retry queues a second), so that the caller can cancel it.
   */
  CompletableFuture<Ran> runAsync(
      Query query, Object[] params, TypeScope types, Consumer<Exchange<?>> onSubmit) {
    Bound statement = scriptOrBound(query, params, types);
    return statement == null
        ? runScriptAsync(query, onSubmit).thenApply(results -> new Ran(results, null, null))
        : ranAsync(statement, onSubmit);
  }

  /** The async face of {@link #stream(Query, Map, TypeScope, int)}, always collecting. */
  CompletableFuture<Ran> runAsync(
      Query query, Map<String, ?> params, TypeScope types, Consumer<Exchange<?>> onSubmit) {
    return ranAsync(bind(query, params, types), onSubmit);
  }

  /** The async face of {@link #runMany}. */
  CompletableFuture<Ran> runManyAsync(
      Query query, List<?> paramSets, TypeScope types, Consumer<Exchange<?>> onSubmit) {
    if (paramSets.isEmpty()) {
      return CompletableFuture.completedFuture(new Ran(List.of(), null, null));
    }
    ManySets sets = manySets(query, paramSets, types);
    return ranAsync(sets.bound(sets.encodeAll()), onSubmit)
        .whenComplete(
            (ran, failure) -> {
              if (failure != null) {
                inserts.failed(sets);
              }
            });
  }

  private CompletableFuture<Ran> ranAsync(Bound statement, Consumer<Exchange<?>> onSubmit) {
    ColumnsMemo columns = statement.entry().columns();
    return runExtendedAsync(statement, true, onSubmit)
        .thenApply(results -> new Ran(results, null, columns));
  }

  /**
   * The bound statement, or null for text left to the server as written: a script, or text that
   * only looks like it has placeholders (the server reports a real missing parameter itself).
   */
  private Bound scriptOrBound(Query query, Object[] params, TypeScope types) {
    StatementCache.Entry entry = cache.get(query.sql());
    ParsedSql parsed = entry.parsed();
    refuseCopyFromStdin(parsed);
    if (params.length == 0 && (parsed.hasMultipleStatements() || parsed.parameterCount() > 0)) {
      return null;
    }
    return bind(entry, query, params, types);
  }

  /** Binds one statement with positional parameters; a script is refused (pipelines). */
  Bound bind(Query query, Object[] params, TypeScope types) {
    StatementCache.Entry entry = cache.get(query.sql());
    refuseCopyFromStdin(entry.parsed());
    if (entry.parsed().hasMultipleStatements()) {
      throw new ProgrammingError(
          "a pipeline or a server cursor runs one statement per execute; this text holds several");
    }
    return bind(entry, query, params, types);
  }

  /** Binds one statement with named parameters. */
  Bound bind(Query query, Map<String, ?> params, TypeScope types) {
    StatementCache.Entry entry = cache.get(query.sql());
    refuseCopyFromStdin(entry.parsed());
    Object[] values = entry.parsed().bind(params);
    return bound(entry, query, List.<Object[]>of(values), types);
  }

  /** Binds one statement with several parameter sets, a Bind each (pipelines). */
  Bound bindMany(Query query, List<?> paramSets, TypeScope types) {
    EachSet sets = setsOf(query, paramSets, types);
    return sets.bound(sets.encodeAll());
  }

  /** Several parameter sets of one statement, checked and with their encoders chosen. */
  private EachSet setsOf(Query query, List<?> paramSets, TypeScope types) {
    StatementCache.Entry entry = cache.get(query.sql());
    ParsedSql parsed = entry.parsed();
    refuseCopyFromStdin(parsed);
    List<Object[]> sets = new ArrayList<>(paramSets.size());
    for (int i = 0; i < paramSets.size(); i++) {
      Object[] values = toValues(parsed, paramSets.get(i), i);
      parsed.checkCount(values.length);
      sets.add(values);
    }
    ParameterBinder binder = new ParameterBinder(types);
    return new EachSet(
        entry, query, types, binder, binder.plan(parsed.parameterCount(), sets), sets);
  }

  private static Bound bound(
      StatementCache.Entry entry, Query query, List<Object[]> sets, TypeScope types) {
    ParameterBinder binder = new ParameterBinder(types);
    return new Bound(
        entry,
        query,
        binder.bind(entry.parsed().parameterCount(), sets, entry.parameterPlan()),
        types,
        null,
        sets);
  }

  /**
   * Binds a parameterless statement whose result columns are known to have {@code columnTypes}
   * (empty: all text), so its result formats are chosen for them: a server cursor's FETCH, whose
   * text names a cursor that may have been declared for another query before.
   */
  Bound bindDescribed(Query query, TypeScope types, int[] columnTypes) {
    Bound bound = bind(query, new Object[0], types);
    return new Bound(
        bound.entry(), query, bound.parameters(), types, columnTypes.clone(), bound.values());
  }

  private Bound bind(StatementCache.Entry entry, Query query, Object[] params, TypeScope types) {
    ParsedSql parsed = entry.parsed();
    if (parsed.isNamed()) {
      throw new ProgrammingError(
          "the statement uses named placeholders "
              + parsed.parameterNames()
              + ": pass the parameters as a Map");
    }
    parsed.checkCount(params);
    return bound(entry, query, List.<Object[]>of(params), types);
  }

  /**
   * The step for {@code statement} in a request being built, under the session's lock; {@code
   * batch} is null when the statement is alone in its request.
   */
  private StatementStep plan(Bound statement, Set<PreparedStatement> batch) {
    return planner.plan(
        statement.entry().parsed().sql(),
        statement.parameters(),
        preparation(statement),
        batch,
        resultFormats(statement),
        statement.types());
  }

  /** The result formats to ask for: for the known column types, else as the cache learned. */
  private short[] resultFormats(Bound statement) {
    boolean textReadable = connection.textResultsReadable();
    if (statement.columnTypes() == null) {
      return statement.entry().resultFormats(textReadable, statement.types());
    }
    return textReadable
        ? BindFormats.choose(statement.columnTypes(), statement.types())
        : BindFormats.ALL_BINARY;
  }

  /** The caller's choice; utility statements are only prepared when the caller asks. */
  private static Preparation preparation(Bound statement) {
    Preparation asked = statement.query().prepare();
    return asked == Preparation.AUTOMATIC && !statement.entry().parsed().isPlannable()
        ? Preparation.NEVER
        : asked;
  }

  /**
   * Learns from a step that failed; returns whether its cached statement had gone stale (every
   * prepared statement is then forgotten, and a retry prepares afresh).
   */
  boolean recover(StatementStep step, TuskException error) {
    return planner.recover(step, error);
  }

  /** The error a statement's failure raises: the server's, with a hint for misused placeholders. */
  TuskException explain(StatementCache.Entry entry, TuskException error) {
    return PlaceholderHint.explain(entry.parsed(), error);
  }

  /** Learns from a step that ran: its result columns, or that its cached statement went stale. */
  void finished(Bound statement, StatementStep step) {
    TuskException error = step.error();
    if (error != null) {
      planner.recover(step, error);
      return;
    }
    cache.learn(statement.entry(), step.results());
    planner.noticeDrops(step.results());
  }

  /** How long a query may run: its own timeout, else the connection's; null for no limit. */
  Duration timeout(Query query) {
    Duration timeout = query.timeout() != null ? query.timeout() : settings.queryTimeout();
    return timeout == null || timeout.isZero() ? null : timeout;
  }

  private List<StatementResult> runScript(Query query) {
    Tracing.Trace trace = tracing.start(query.sql(), List.of());
    try {
      SimpleQuery script = submitScript(query);
      List<StatementResult> results = scriptDone(connection.await(script, timeout(query)));
      tracing.succeeded(trace, results);
      return results;
    } catch (TuskException e) {
      tracing.failed(trace, e);
      throw e;
    }
  }

  private CompletableFuture<List<StatementResult>> runScriptAsync(
      Query query, Consumer<Exchange<?>> onSubmit) {
    Tracing.Trace trace = tracing.start(query.sql(), List.of());
    SimpleQuery script;
    try {
      script = submitScript(query);
    } catch (TuskException e) {
      tracing.failed(trace, e);
      throw e;
    }
    onSubmit.accept(script);
    CompletableFuture<List<StatementResult>> done =
        Asynchronous.outcome(session, script, timeout(query)).thenApply(this::scriptDone);
    return trace == null ? done : done.whenComplete(traced(trace));
  }

  /** Ends {@code trace} with a future's outcome. */
  private BiConsumer<List<StatementResult>, Throwable> traced(Tracing.Trace trace) {
    return (results, failure) ->
        tracing.ended(trace, results, failure == null ? null : Asynchronous.unwrap(failure));
  }

  private SimpleQuery submitScript(Query query) {
    SimpleQuery script = new SimpleQuery(query.sql());
    connection.submitStatement(script);
    return script;
  }

  /** Learns from a script's results (a DISCARD ALL drops every prepared statement). */
  private List<StatementResult> scriptDone(List<StatementResult> results) {
    planner.noticeDrops(results);
    return results;
  }

  /**
   * Asks the server for the result columns of a statement that has not run yet on this connection,
   * for a request that fixes its result formats at Bind and must learn the column types first (a
   * server cursor's portal, read in many Executes): the Describe queued (Parse, Describe, Sync), or
   * null when the formats are known already, or all binary anyway.
   */
  DescribeStatement describeUnknown(Bound statement) {
    if (!connection.textResultsReadable() || statement.entry().knowsResultTypes()) {
      return null;
    }
    DescribeStatement describe =
        new DescribeStatement(statement.entry().parsed().sql(), statement.parameters().types());
    session.submit(describe);
    return describe;
  }

  /** Learns the result columns a {@link #describeUnknown} request returned. */
  void described(Bound statement, DescribeStatement.Described described) {
    cache.learn(statement.entry(), described.columns());
  }

  /**
   * Plans {@code statement} to be bound into the named portal {@code portal} and described, not
   * executed, and queues it as one request (see {@link StatementStep#openPortal}).
   */
  Submitted openPortal(Bound statement, String portal) {
    return submit(List.of(statement), Streaming.COLLECT, new HashSet<>(), portal);
  }

  /** Queues a step planned by its caller (an Execute of an open portal) as one request. */
  Submitted submit(StatementStep step) {
    ExtendedQuery request = new ExtendedQuery(List.of(step));
    connection.submitStatement(request);
    return new Submitted(List.of(step), request);
  }

  /** Statements queued as one request: a step per statement, in order, and the request. */
  record Submitted(List<StatementStep> steps, ExtendedQuery request) {}

  /**
   * Plans a step for each statement and queues them as one request with one Sync. Planning and
   * queuing share the session's lock, so that no statement is closed between being chosen and being
   * sent; later steps may use a statement an earlier one prepares.
   */
  Submitted submit(List<Bound> batch) {
    return submit(batch, Streaming.COLLECT, new HashSet<>());
  }

  /**
   * Like {@link #submit(List)}, for one request of several that run as a unit: {@code prepared}
   * holds the statements earlier requests of the unit prepare, which this one may use at once (if
   * their preparation failed, the unit has failed before this request runs).
   */
  Submitted submit(Bound statement, Set<PreparedStatement> prepared) {
    return submit(List.of(statement), Streaming.COLLECT, prepared);
  }

  private Submitted submit(
      List<Bound> batch, Streaming streaming, Set<PreparedStatement> prepared) {
    return submit(batch, streaming, prepared, null);
  }

  /** {@code portal}, when not null, is the named portal the one statement of the batch opens. */
  private Submitted submit(
      List<Bound> batch, Streaming streaming, Set<PreparedStatement> prepared, String portal) {
    List<StatementStep> steps = new ArrayList<>(batch.size());
    session.acquireExclusive();
    try {
      for (int i = 0; i < batch.size(); i++) {
        steps.add(step(batch.get(i), streaming, prepared, portal));
      }
      return new Submitted(steps, queue(steps));
    } finally {
      session.releaseExclusive();
    }
  }

  /**
   * The step for one statement of a request being built, under the session's lock; {@code prepared}
   * is null when no later step of the request looks for what it prepares.
   */
  private StatementStep step(
      Bound statement, Streaming streaming, Set<PreparedStatement> prepared, String portal) {
    StatementStep step = plan(statement, prepared);
    if (streaming.streams()) {
      step.stream(streaming.rows(), streaming.bounded());
    }
    if (portal != null) {
      step.openPortal(portal);
    }
    return step;
  }

  /** Queues the planned steps as one request, under the session's lock. */
  private ExtendedQuery queue(List<StatementStep> steps) {
    ExtendedQuery request = new ExtendedQuery(steps);
    connection.submitStatement(request);
    return request;
  }

  /** One try at a statement: the step planned for it and the request that carries it. */
  private record Attempt(StatementStep step, ExtendedQuery request) {}

  private Attempt submit(Bound statement) {
    return submit(statement, Streaming.COLLECT);
  }

  /**
   * Submits one statement, its result streaming as {@code streaming} says. Alone in its request, it
   * needs no batch's set of prepared statements, nor a list to plan from.
   */
  private Attempt submit(Bound statement, Streaming streaming) {
    session.acquireExclusive();
    try {
      StatementStep step = step(statement, streaming, null, null);
      return new Attempt(step, queue(List.of(step)));
    } finally {
      session.releaseExclusive();
    }
  }

  /**
   * Whether a failed first try goes again: its cached statement was stale and no transaction was
   * open. Forgets stale statements either way.
   */
  private boolean retries(Attempt attempt, TuskException error, boolean first) {
    boolean stale = planner.recover(attempt.step(), error);
    return stale && first && attempt.request().transactionStatusAtEnd() == 'I';
  }

  /**
   * Rows a cursor's result holds before it streams, by default: a result up to this size is
   * received whole before execute returns (so its errors surface there); a larger one is read as it
   * is consumed.
   */
  static final int STREAM_ROWS = 1000;

  /**
   * Runs one statement; a streaming result streams once it has more rows than {@code streaming}
   * gathers, and the call returns then. Retries once a statement that failed only because its
   * cached prepared statement went stale.
   */
  private Ran runStreaming(Bound statement, Streaming streaming) {
    Tracing.Trace trace = trace(statement);
    try {
      Ran ran = runStreaming(statement, streaming, trace);
      if (ran.stream() == null) {
        tracing.succeeded(trace, ran.results());
      }
      return ran;
    } catch (TuskException e) {
      tracing.failed(trace, e);
      throw e;
    }
  }

  private Ran runStreaming(Bound statement, Streaming streaming, Tracing.Trace trace) {
    for (boolean first = true; ; first = false) {
      Attempt attempt = submit(statement, streaming);
      ExtendedQuery request = attempt.request();
      StatementStep step = attempt.step();
      Waiting waiting = session.waiting(request, timeout(statement.query()));
      BooleanSupplier ready = streaming.streams() ? step::overflows : () -> false;
      if (!session.awaitUntil(request, ready, false, waiting)) {
        StatementResult arriving = step.current();
        cache.learn(statement.entry(), List.of(arriving));
        return new Ran(
            List.of(arriving),
            new RowStream(
                session,
                request,
                arriving,
                waiting,
                () -> {
                  finished(statement, step);
                  streamEnded(trace, request, step);
                }),
            statement.entry().columns());
      }
      TuskException error = null;
      try {
        session.outcome(request);
      } catch (TuskException e) {
        error = e;
      }
      List<StatementResult> results = conclude(statement, attempt, error, first);
      if (results != null) {
        return new Ran(results, null, statement.entry().columns());
      }
    }
  }

  /**
   * What one try at a statement comes to, the same for both faces: its results (after learning from
   * them), null to try again (its cached statement was stale and no transaction was open), or its
   * error, thrown.
   */
  private List<StatementResult> conclude(
      Bound statement, Attempt attempt, TuskException error, boolean first) {
    if (error == null) {
      finished(statement, attempt.step());
      return attempt.step().results();
    }
    if (retries(attempt, error, first)) {
      return null;
    }
    throw PlaceholderHint.explain(statement.entry().parsed(), error);
  }

  /**
   * Ends the trace of a streamed statement: its step's outcome, or its request's if it was lost.
   */
  private void streamEnded(Tracing.Trace trace, ExtendedQuery request, StatementStep step) {
    if (trace == null) {
      return;
    }
    TuskException error = step.error();
    if (error == null && request.future().isCompletedExceptionally()) {
      error = Asynchronous.unwrap(request.future().exceptionNow());
    }
    tracing.ended(trace, step.results(), error);
  }

  private List<StatementResult> runExtended(Bound statement) {
    return runStreaming(statement, Streaming.COLLECT).results();
  }

  private CompletableFuture<List<StatementResult>> runExtendedAsync(
      Bound statement, boolean first, Consumer<Exchange<?>> onSubmit) {
    Tracing.Trace trace = trace(statement);
    CompletableFuture<List<StatementResult>> done;
    try {
      done = runExtendedAsync(statement, first, onSubmit, trace);
    } catch (TuskException e) {
      tracing.failed(trace, e);
      throw e;
    }
    return trace == null ? done : done.whenComplete(traced(trace));
  }

  private CompletableFuture<List<StatementResult>> runExtendedAsync(
      Bound statement, boolean first, Consumer<Exchange<?>> onSubmit, Tracing.Trace trace) {
    Attempt attempt = submit(statement);
    onSubmit.accept(attempt.request());
    return Asynchronous.outcome(session, attempt.request(), timeout(statement.query()))
        .handle(
            (ignored, failure) -> {
              TuskException error = failure == null ? null : Asynchronous.unwrap(failure);
              List<StatementResult> results;
              try {
                results = conclude(statement, attempt, error, first);
              } catch (TuskException e) {
                return CompletableFuture.<List<StatementResult>>failedFuture(e);
              }
              return results == null
                  ? runExtendedAsync(statement, false, onSubmit, trace)
                  : CompletableFuture.completedFuture(results);
            })
        .thenCompose(next -> next);
  }

  /** The session, for a request queued as it is (a catalog query before a COPY). */
  Session session() {
    return session;
  }

  /**
   * Starts a COPY statement for the COPY API: queues it (holding back what others submit while it
   * takes data) and returns once the server has started it.
   *
   * @throws TuskException the server's error if it refused the statement (nothing was copied)
   */
  CopyChannel copy(Query query) {
    if (PlaceholderParser.parse(query.sql()).hasMultipleStatements()) {
      throw new ProgrammingError(
          "copy() runs one COPY statement; this text holds several: run the others with execute");
    }
    CopyRequest request = new CopyRequest(query.sql());
    connection.submitCopy(request);
    return CopyChannel.start(session, request, timeout(query));
  }

  /**
   * Refused before anything is sent: in copy-in mode the server would read the requests pipelined
   * behind the COPY as its data.
   */
  private static void refuseCopyFromStdin(ParsedSql parsed) {
    if (parsed.copiesFromStdin()) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
              "COPY ... FROM STDIN needs the COPY API: cursor.copy(sql) sends its data"
                  + " (through execute, the server would read the requests behind it as data)"));
    }
  }

  private static Object[] toValues(ParsedSql parsed, Object set, int index) {
    if (set instanceof Object[] array) {
      return array;
    } else if (set instanceof List<?> list) {
      return list.toArray();
    } else if (set instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> named = (Map<String, ?>) map;
      return parsed.bind(named);
    }
    throw new ProgrammingError(
        "parameter set "
            + (index + 1)
            + " is a "
            + (set == null ? "null" : set.getClass().getName())
            + "; each set must be an Object[], a List or a Map");
  }
}
