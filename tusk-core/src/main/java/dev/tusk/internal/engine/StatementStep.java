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

  private final List<StatementResult> results = new ArrayList<>();
  private int capacity = StatementResult.COLLECT;
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
   * Makes this step's result stream: at most {@code rows} rows wait in its buffer for a consumer,
   * and while it is full the session reads nothing more. Only for a step with one parameter set;
   * called before the step is submitted.
   */
  public void stream(int rows) {
    if (sets.size() != 1 || rows < 1) {
      throw new IllegalArgumentException("only a one-set step streams, into a buffer of 1+ rows");
    }
    capacity = rows;
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
    String name = prepared == null ? "" : prepared.name();
    if (parse) {
      FrontendMessages.parse(out, name, sql, parameterTypes);
      if (prepared != null) {
        FrontendMessages.describeStatement(out, name);
      }
    }
    for (int i = 0; i < sets.size(); i++) {
      Bindings set = sets.get(i);
      FrontendMessages.bind(out, "", name, set.formats(), set.count(), set.values(), resultFormats);
      if (i == 0 && prepared == null) {
        FrontendMessages.describePortal(out, "");
      }
      FrontendMessages.execute(out, "", 0);
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
    return describesStatement() || (prepared == null && bound && results.isEmpty());
  }

  /** A RowDescription (null: NoData) answering this step's Describe of statement or portal. */
  void described(RowDescription columns) {
    if (describesStatement()) {
      prepared.described(columns);
    } else {
      portalDescription = columns;
      current = new StatementResult(columns, capacity);
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

  /** Whether every parameter set has run. */
  boolean isComplete() {
    return results.size() == sets.size();
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
