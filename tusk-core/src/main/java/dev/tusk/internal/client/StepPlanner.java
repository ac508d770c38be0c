package dev.tusk.internal.client;

import dev.tusk.Preparation;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.conninfo.StatementSettings;
import dev.tusk.internal.engine.CloseStatements;
import dev.tusk.internal.engine.PreparedStatement;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;
import java.util.Set;

/**
 * Turns a bound statement into the {@link StatementStep} to send, after what the connection's
 * {@link PreparedStatements} know, and keeps that knowledge true: closes evicted statements,
 * forgets failed preparations, and drops everything when the server says cached plans are stale or
 * gone.
 *
 * <p>Callers hold the session's exclusive lock from planning until the request is queued.
 */
final class StepPlanner {

  private final Session session;
  private final PreparedStatements prepared;

  StepPlanner(Session session, StatementSettings settings) {
    this.session = session;
    this.prepared = new PreparedStatements(settings);
  }

  /**
   * The step for one statement; queues the closing of any statement it evicts.
   *
   * @param prepare the caller's choice
   * @param preparedInBatch statements prepared earlier in the same request; this step's own
   *     preparation is added to it. Null for a statement alone in its request, which no later step
   *     looks at
   * @param learnedFormats result formats for a statement without a cached description
   * @param types the registry whose codecs decide a prepared statement's formats per column
   */
  StatementStep plan(
      String sql,
      ParameterBinder.Bound bound,
      Preparation prepare,
      Set<PreparedStatement> preparedInBatch,
      short[] learnedFormats,
      TypeScope types) {
    PreparedStatements.Plan plan = prepared.plan(sql, bound.types(), prepare, preparedInBatch);
    closeEvicted();
    return switch (plan) {
      case PreparedStatements.Unnamed u ->
          StatementStep.unnamed(sql, bound.types(), bound.sets(), learnedFormats);
      case PreparedStatements.Prepare p -> {
        if (preparedInBatch != null) {
          preparedInBatch.add(p.statement());
        }
        yield StatementStep.prepare(p.statement(), bound.sets(), learnedFormats);
      }
      case PreparedStatements.Use u ->
          StatementStep.prepared(
              u.statement(), bound.sets(), resultFormats(u.statement(), learnedFormats, types));
    };
  }

  /**
   * Per column, binary where a codec reads it, once the statement is described: a column the driver
   * cannot read in binary no longer keeps the others in text. Before that (a statement used again
   * in the request that prepares it), the formats the preparing run asked for.
   */
  private static short[] resultFormats(
      PreparedStatement statement, short[] learnedFormats, TypeScope types) {
    if (!statement.isDescribed()) {
      return learnedFormats;
    }
    // Kept for the registry that chose them: the same array on every run lets the statement
    // reuse its formatted description.
    short[] formats = statement.resultFormats(types);
    if (formats == null) {
      formats = chooseFormats(statement.description(), types);
      statement.resultFormats(types, formats);
    }
    return formats;
  }

  private static short[] chooseFormats(RowDescription columns, TypeScope types) {
    if (columns == null) {
      return BindFormats.ALL_TEXT;
    }
    RowDescription.Field[] fields = columns.fields();
    int[] oids = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      oids[i] = fields[i].typeOid();
    }
    return BindFormats.choose(oids, types);
  }

  /**
   * Learns from a failed step. Returns whether the failure came from a cached statement that the
   * server no longer has or can no longer run as described ({@code 0A000} "cached plan must not
   * change result type" after a schema change, {@code 26000} after a DEALLOCATE): every statement
   * is then dropped, so that a retry prepares afresh.
   */
  boolean recover(StatementStep step, TuskException error) {
    PreparedStatement statement = step.preparedStatement();
    if (statement == null) {
      return false;
    }
    session.acquireExclusive();
    try {
      prepared.forgetUndescribed(statement);
      if (!isStale(error)) {
        return false;
      }
      prepared.invalidate();
      closeEvicted();
      return true;
    } finally {
      session.releaseExclusive();
    }
  }

  private static boolean isStale(TuskException error) {
    if (!(error instanceof DatabaseError database) || database.diagnostic() == null) {
      return false;
    }
    String state = database.sqlState();
    return "26000".equals(state)
        || ("0A000".equals(state)
            && "RevalidateCachedQuery".equals(database.diagnostic().sourceFunction()));
  }

  /** Forgets prepared statements the server dropped itself: DISCARD ALL, DEALLOCATE ALL. */
  void noticeDrops(List<StatementResult> results) {
    // Indexed: an iterator would cost every statement an allocation.
    for (int i = 0; i < results.size(); i++) {
      String tag = results.get(i).commandTag();
      if ("DISCARD ALL".equals(tag) || "DEALLOCATE ALL".equals(tag)) {
        session.acquireExclusive();
        try {
          prepared.dropped();
        } finally {
          session.releaseExclusive();
        }
      }
    }
  }

  private void closeEvicted() {
    List<String> names = prepared.takeEvicted();
    if (!names.isEmpty()) {
      session.submit(new CloseStatements(names));
    }
  }
}
