package dev.tusk.internal.engine;

import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of an extended-protocol request, run once per parameter set, and its outcome once
 * the request has finished. It takes one of three shapes, after what the statement cache knows:
 *
 * <ul>
 *   <li><b>unnamed</b>: Parse into the unnamed statement, then Bind, Describe (first set only) and
 *       Execute per set;
 *   <li><b>prepare</b>: Parse under a name and Describe the statement, then Bind and Execute per
 *       set; the description is kept with the {@link PreparedStatement} for later runs;
 *   <li><b>prepared</b>: Bind and Execute per set, with the cached description.
 * </ul>
 *
 * <p>The outcome is written by the session's reader thread and read by the caller after the
 * request's future has completed, which orders the two.
 */
public final class StatementStep {

  private final PreparedStatement prepared;
  private final boolean parse;
  private final String sql;
  private final int[] parameterTypes;
  private final List<Bindings> sets;
  private final short[] resultFormats;

  /** For a step that reads a portal opened earlier: Execute's row limit (0: all); else -1. */
  private final int fetchRows;

  /** The portal each Bind fills: the unnamed one, unless {@link #openPortal} names another. */
  private String portal = "";

  /** Whether each Bind is followed by an Execute: not for a step that only opens its portal. */
  private boolean executes = true;

  // Sized for its results up front (one per set, or the fetch's one): a statement run once then
  // fills it without growing it.
  private final List<StatementResult> results;
  private int capacity = StatementResult.COLLECT;
  // Rows after which a streaming step's consumer may start taking them (0: it collects).
  private int streamRows;
  private RowDescription portalDescription;
  private StatementResult current;
  private boolean bound;
  private TuskException error;

  private StatementStep(
      PreparedStatement prepared,
      boolean parse,
      String sql,
      int[] parameterTypes,
      List<Bindings> sets,
      short[] resultFormats) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("a statement needs at least one parameter set");
    }
    this.prepared = prepared;
    this.parse = parse;
    this.sql = sql;
    this.parameterTypes = parameterTypes;
    this.sets = sets;
    this.resultFormats = resultFormats;
    this.fetchRows = -1;
    this.results = new ArrayList<>(sets.size());
  }

  /** A step that reads a portal opened earlier: one Execute, no Parse, no Bind. */
  private StatementStep(String portal, RowDescription columns, int maxRows) {
    this.prepared = null;
    this.parse = false;
    this.sql = null;
    this.parameterTypes = null;
    this.sets = List.of();
    this.resultFormats = null;
    this.fetchRows = maxRows;
    this.results = new ArrayList<>(1);
    this.portal = portal;
    this.portalDescription = columns;
    this.bound = true;
    this.current = new StatementResult(columns, capacity);
  }

  /**
   * A statement parsed into the unnamed statement.
   *
   * @param parameterTypes the OID of each parameter, 0 to let the server infer it
   * @param resultFormats result formats as Bind takes them (empty: all text; one: for all)
   */
  public static StatementStep unnamed(
      String sql, int[] parameterTypes, List<Bindings> sets, short[] resultFormats) {
    return new StatementStep(null, true, sql, parameterTypes, sets, resultFormats);
  }

  /** A statement parsed and described under its name, then run. */
  public static StatementStep prepare(
      PreparedStatement statement, List<Bindings> sets, short[] resultFormats) {
    return new StatementStep(
        statement, true, statement.sql(), statement.parameterTypes(), sets, resultFormats);
  }

  /** A statement prepared earlier (or earlier in the same request), run by Bind and Execute. */
  public static StatementStep prepared(
      PreparedStatement statement, List<Bindings> sets, short[] resultFormats) {
    return new StatementStep(statement, false, null, null, sets, resultFormats);
  }

  /**
   * Executes the named {@code portal}, opened by an earlier step's {@link #openPortal}, for at most
   * {@code maxRows} rows (0: all that remain). Its result ends with the portal's CommandComplete,
   * or, when rows remain, with PortalSuspended ({@link StatementResult#isSuspended()}); either way
   * the portal stays open until its transaction ends or it is closed.
   *
   * @param columns the portal's description, as its Describe returned it (formats included)
   */
  public static StatementStep fetch(String portal, RowDescription columns, int maxRows) {
    if (portal.isEmpty() || maxRows < 0) {
      throw new IllegalArgumentException("a fetch reads a named portal, 0 or more rows at a time");
    }
    return new StatementStep(portal, columns, maxRows);
  }

  /**
   * Makes this step bind its one parameter set into the named {@code portal} and describe it,
   * without executing it: the portal then lives until its transaction ends or it is closed (by
   * Close or by SQL {@code CLOSE}, portals and cursors sharing one namespace), and {@link #fetch}
   * steps read it. The step's one result holds the portal's description and no rows. Called before
   * the step is submitted.
   */
  public void openPortal(String name) {
    if (sets.size() != 1 || name.isEmpty() || fetchRows >= 0) {
      throw new IllegalArgumentException("only a one-set statement opens a named portal");
    }
    portal = name;
    executes = false;
  }

  /**
   * Makes this step's result stream once more than {@code rows} rows have arrived. {@code bounded}:
   * at most that many wait in its buffer, and while it is full the session reads nothing more;
   * otherwise the buffer takes whatever the session reads, so that the stream never holds up the
   * requests behind it. Only for a step with one parameter set; called before it is submitted.
   */
  public void stream(int rows, boolean bounded) {
    if ((sets.size() != 1 && fetchRows < 0) || rows < 1) {
      throw new IllegalArgumentException("only a one-set step streams, into a buffer of 1+ rows");
    }
    streamRows = rows;
    capacity = bounded ? rows : StatementResult.COLLECT;
    if (fetchRows >= 0) {
      current = new StatementResult(portalDescription, capacity);
    }
  }

  /** Whether this step's result streams into a buffer without limit (see {@link #stream}). */
  boolean streamsUnbounded() {
    return streamRows > 0 && capacity == StatementResult.COLLECT;
  }

  /**
   * Whether a streaming step's current result holds more rows than it gathers before its consumer
   * takes them: a bounded buffer is then full. Asked by the reading thread.
   */
  public boolean overflows() {
    if (streamRows == 0 || current == null) {
      return false;
    }
    return capacity == StatementResult.COLLECT
        ? current.holdsMoreThan(streamRows)
        : current.isFull();
  }

  /** The result being received now, or null between results. */
  public StatementResult current() {
    return current;
  }

  /** The result whose full buffer stops the reading now, or null. */
  StatementResult stalled() {
    return current != null && capacity != StatementResult.COLLECT && current.isFull()
        ? current
        : null;
  }

  /** The prepared statement this step names, or null for the unnamed statement. */
  public PreparedStatement preparedStatement() {
    return prepared;
  }

  /** Whether this step parses its statement under a name (the run that prepares it). */
  public boolean prepares() {
    return parse && prepared != null;
  }

  void encode(WriteBuffer out) {
    if (fetchRows >= 0) {
      FrontendMessages.execute(out, portal, fetchRows);
      return;
    }
    String name = prepared == null ? "" : prepared.name();
    if (parse) {
      FrontendMessages.parse(out, name, sql, parameterTypes);
      if (prepared != null) {
        FrontendMessages.describeStatement(out, name);
      }
    }
    for (int i = 0; i < sets.size(); i++) {
      Bindings set = sets.get(i);
      FrontendMessages.bind(
          out, portal, name, set.formats(), set.count(), set.values(), resultFormats);
      if (!executes) {
        // The portal's own description, with the formats this Bind asked for.
        FrontendMessages.describePortal(out, portal);
        continue;
      }
      if (i == 0 && prepared == null) {
        FrontendMessages.describePortal(out, portal);
      }
      FrontendMessages.execute(out, portal, 0);
    }
  }

  /** Whether the statement's own description is due now: prepared, not yet bound. */
  boolean describesStatement() {
    return prepares() && !bound;
  }

  /**
   * Whether a RowDescription or NoData may come now: for the statement being prepared before its
   * first Bind, or for the unnamed statement's first portal right after its Bind.
   */
  boolean expectsDescription() {
    return describesStatement()
        || ((prepared == null || !executes) && bound && results.isEmpty() && fetchRows < 0);
  }

  /** A RowDescription (null: NoData) answering this step's Describe of statement or portal. */
  void described(RowDescription columns) {
    if (describesStatement()) {
      prepared.described(columns);
    } else {
      portalDescription = columns;
      current = new StatementResult(columns, capacity);
      if (!executes) {
        // Opened, not run: the step is complete with the portal's description.
        current.end();
        results.add(current);
        current = null;
      }
    }
  }

  void bindComplete() {
    bound = true;
    current =
        new StatementResult(
            prepared == null ? portalDescription : prepared.resultDescription(resultFormats),
            capacity);
  }

  /** Whether a row may arrive now: after a Bind whose portal returns rows. */
  boolean acceptsRows() {
    return current != null && current.description() != null;
  }

  void dataRow(DataRow row) {
    current.add(row);
  }

  /** One Execute finished (completion null for an empty query). */
  void executed(CommandComplete completion) {
    StatementResult result = current != null ? current : new StatementResult(portalDescription);
    if (completion != null) {
      result.complete(completion);
    } else {
      result.end();
    }
    results.add(result);
    current = null;
  }

  /** Whether a PortalSuspended may end this step now: it reads a portal and has not ended. */
  boolean acceptsSuspension() {
    return fetchRows >= 0 && current != null;
  }

  /** The Execute of a {@link #fetch} step stopped at its row limit: rows remain in the portal. */
  void suspended() {
    current.suspend();
    results.add(current);
    current = null;
  }

  /** Whether every parameter set has run (a fetch step: its one Execute). */
  boolean isComplete() {
    return results.size() == (fetchRows >= 0 ? 1 : sets.size());
  }

  void fail(TuskException cause) {
    if (error == null) {
      error = cause;
    }
  }

  /** The error that ended this statement (its own, or PipelineAborted), or null. */
  public TuskException error() {
    return error;
  }

  /** One result per parameter set, in order; only meaningful when {@link #error()} is null. */
  public List<StatementResult> results() {
    return results;
  }
}
