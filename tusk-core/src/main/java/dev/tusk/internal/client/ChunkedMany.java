package dev.tusk.internal.client;

import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.engine.PreparedStatement;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A large {@code executeMany} sent as several requests kept in flight: the caller encodes the next
 * chunk of sets (a Bind per set, or column arrays of many: see {@link ManySets}) while the server
 * runs the chunks already sent, so encoding overlaps the server's work. At most {@link #IN_FLIGHT}
 * chunks of about {@link #CHUNK_BYTES} each are sent and not yet answered, so memory stays bounded
 * however many sets there are.
 *
 * <p>Each chunk is a request with its own Sync, so the chunks run inside a {@link BatchUnit} to
 * stay one unit as a single request would: a failing set undoes every set in autocommit mode, and
 * the set that failed raises its typed error. The caller holds the session from the first chunk to
 * the end of the unit, so other threads' requests wait and never land inside it.
 */
final class ChunkedMany {

  /** Encoded parameter bytes per request: large enough that a request's overhead is negligible. */
  static final int CHUNK_BYTES = 64 * 1024;

  /** Requests sent and not yet answered: the server always has the next chunk at hand. */
  static final int IN_FLIGHT = 4;

  /** One chunk sent: its statement, the step carrying it and the request. */
  private record Chunk(Statements.Bound statement, StatementStep step, ExtendedQuery request) {}

  private final Statements statements;
  private final ConnectionCore connection;
  private final Session session;
  private final ManySets sets;

  ChunkedMany(Statements statements, ConnectionCore connection, ManySets sets) {
    this.statements = statements;
    this.connection = connection;
    this.session = connection.session();
    this.sets = sets;
  }

  /**
   * Runs every set, {@code first} (the first chunk, already encoded) included; returns one result
   * per set, in order, or raises the error of the set that failed. Retried once, as a single
   * request would be, when the first failure came from a cached statement gone stale and the unit
   * was a transaction of its own (which has then been rolled back).
   */
  List<StatementResult> run(ManySets.Encoded first) {
    session.acquireExclusive();
    try {
      for (boolean firstTry = true; ; firstTry = false) {
        List<StatementResult> results = attempt(first, firstTry);
        if (results != null) {
          return results;
        }
      }
    } finally {
      session.releaseExclusive();
    }
  }

  /** Where one try stands: the results so far and the first failure. */
  private static final class Progress {
    final List<StatementResult> results;
    boolean openingSettled;
    TuskException failure;
    boolean serverFailed;
    boolean stale;

    Progress(int sets) {
      results = new ArrayList<>(sets);
    }

    void fail(TuskException error, boolean fromServer) {
      if (failure == null) {
        failure = error;
        serverFailed = fromServer;
      }
    }
  }

  private List<StatementResult> attempt(ManySets.Encoded first, boolean firstTry) {
    Duration timeout = statements.timeout(sets.query());
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    BatchUnit unit = BatchUnit.open(connection);
    Progress progress = new Progress(sets.size());
    ArrayDeque<Chunk> sent = new ArrayDeque<>(IN_FLIGHT + 1);
    Set<PreparedStatement> prepared = new HashSet<>();
    boolean interrupted = false;
    try {
      ManySets.Encoded next = first;
      while (next != null && progress.failure == null) {
        sent.add(send(next.bindings(), prepared));
        // Encoded while the server runs what was sent.
        next = next.end() < sets.size() ? sets.encode(next.end()) : null;
        while (progress.failure == null
            && !sent.isEmpty()
            && (sent.size() >= IN_FLIGHT || sent.peek().request().future().isDone())) {
          settle(sent.poll(), unit, progress, deadline);
        }
      }
    } catch (TuskException e) {
      // A set that could not be encoded, or a request that could not be queued: nothing of it
      // was sent.
      progress.fail(e, false);
    } finally {
      if (progress.failure != null) {
        // The chunks still in flight end at once (the server skips them) and need no deadline;
        // an interrupt already acted on must not cancel the unit's ending.
        interrupted = Thread.interrupted();
      }
    }
    while (!sent.isEmpty()) {
      settle(sent.poll(), unit, progress, progress.failure == null ? deadline : 0);
    }
    settleOpening(unit, progress, 0);
    try {
      return end(unit, progress, firstTry);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ends the unit; returns the results, or null to try again, or raises the failure. */
  private List<StatementResult> end(BatchUnit unit, Progress progress, boolean firstTry) {
    if (progress.failure == null) {
      unit.commit();
      return progress.results;
    }
    unit.undo(progress.serverFailed);
    if (progress.stale && firstTry && unit.isOwnTransaction()) {
      return null;
    }
    TuskException failure = statements.explain(sets.entry(), progress.failure);
    failure.fillInStackTrace();
    throw failure;
  }

  private Chunk send(List<Bindings> chunk, Set<PreparedStatement> prepared) {
    Statements.Bound statement = sets.bound(chunk);
    Statements.Submitted submitted = statements.submit(statement, prepared);
    // Read by whichever thread is free (the I/O thread at worst) while this one encodes.
    session.readForMe(submitted.request());
    return new Chunk(statement, submitted.steps().get(0), submitted.request());
  }

  /** Checks, once, that the unit opened; it answers before the first chunk, so never waits. */
  private void settleOpening(BatchUnit unit, Progress progress, long deadline) {
    if (progress.openingSettled) {
      return;
    }
    progress.openingSettled = true;
    TuskException error = unit.awaitOpened(remaining(deadline));
    if (error != null) {
      progress.fail(error, true);
    }
  }

  /** Waits for a chunk's answer and adds its results, or its error if it is the first. */
  private void settle(Chunk chunk, BatchUnit unit, Progress progress, long deadline) {
    settleOpening(unit, progress, deadline);
    TuskException error = null;
    try {
      connection.await(chunk.request(), remaining(deadline));
    } catch (TuskException e) {
      error = e;
    }
    if (error == null) {
      statements.finished(chunk.statement(), chunk.step());
      progress.results.addAll(chunk.step().results());
      return;
    }
    boolean stale = statements.recover(chunk.step(), error);
    if (progress.failure == null) {
      progress.fail(error, true);
      progress.stale = stale;
    }
  }

  /** The time left before {@code deadline} (0: none), for one wait; null for no limit. */
  private static Duration remaining(long deadline) {
    if (deadline == 0) {
      return null;
    }
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }
}
