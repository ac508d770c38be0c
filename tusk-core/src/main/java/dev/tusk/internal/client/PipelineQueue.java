package dev.tusk.internal.client;

import dev.tusk.PipelineResult;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The statements of a pipeline queued since its last sync, and what a sync does with them, for both
 * faces: the batch becomes one request, one step per statement with one Sync, and once it has run
 * each statement's outcome goes where it was queued from. The faces differ only in how they wait
 * for the request.
 */
final class PipelineQueue {

  /** One queued statement and where its outcome goes. */
  private record Queued(
      Statements.Bound statement,
      Consumer<List<StatementResult>> onResults,
      Consumer<TuskException> onError) {}

  /** A batch taken from the queue, to be sent as one request. */
  static final class Batch {
    private final List<Queued> statements;
    private final List<PipelineResult> results;
    private Statements.Submitted submitted;
    private Tracing.Trace[] traces;

    private Batch(List<Queued> statements) {
      this.statements = statements;
      this.results = new ArrayList<>(statements.size());
    }

    /** Whether the batch holds no statement (a sync with nothing queued). */
    boolean isEmpty() {
      return statements.isEmpty();
    }

    /** Each statement's outcome, in order, once delivered. */
    List<PipelineResult> results() {
      return results;
    }

    /** The request the batch was sent as. */
    ExtendedQuery request() {
      return submitted.request();
    }

    /** Whether a statement of the batch failed on the server. */
    boolean failed() {
      return submitted.steps().stream().anyMatch(step -> step.error() != null);
    }
  }

  private final Statements statements;
  private final List<Queued> queued = new ArrayList<>();

  PipelineQueue(Statements statements) {
    this.statements = statements;
  }

  void add(
      Statements.Bound statement,
      Consumer<List<StatementResult>> onResults,
      Consumer<TuskException> onError) {
    queued.add(new Queued(statement, onResults, onError));
  }

  /** How many statements are queued. */
  int size() {
    return queued.size();
  }

  /** Takes every statement queued so far, leaving the queue empty. */
  Batch take() {
    Batch batch = new Batch(List.copyOf(queued));
    queued.clear();
    return batch;
  }

  /**
   * Queues the batch as one request on the session and returns it; if that fails, every statement
   * of it fails with the error, which is thrown.
   */
  ExtendedQuery submit(Batch batch) {
    batch.traces = new Tracing.Trace[batch.statements.size()];
    for (int i = 0; i < batch.traces.length; i++) {
      batch.traces[i] = statements.trace(batch.statements.get(i).statement());
    }
    try {
      batch.submitted =
          statements.submit(batch.statements.stream().map(Queued::statement).toList());
      return batch.submitted.request();
    } catch (TuskException e) {
      for (int i = 0; i < batch.statements.size(); i++) {
        batch.statements.get(i).onError().accept(e);
        batch.results.add(new PipelineResult(null, -1, e));
        statements.tracing().failed(batch.traces[i], e);
      }
      throw e;
    }
  }

  /**
   * Hands each statement its outcome once the request has ended ({@code failed}: the request's own
   * error, or null); returns the error a sync raises: the first failed statement's, or the
   * request's own when it failed as a whole (the connection was lost). After an earlier batch of
   * the same sync failed ({@code afterFailure}), the server skipped this one: a statement that
   * failed reports {@link PipelineAborted}.
   */
  TuskException deliver(Batch batch, TuskException failed, boolean afterFailure) {
    List<StatementStep> steps = batch.submitted.steps();
    // A server error lands on its statement; only a request that failed as a whole (the
    // connection was lost) fails every statement.
    TuskException lost = steps.stream().anyMatch(step -> step.error() != null) ? null : failed;
    TuskException first = null;
    for (int i = 0; i < batch.statements.size(); i++) {
      StatementStep step = steps.get(i);
      Queued entry = batch.statements.get(i);
      statements.finished(entry.statement(), step);
      TuskException error = step.error() != null ? step.error() : lost;
      if (error != null && afterFailure && !(error instanceof PipelineAborted)) {
        error =
            new PipelineAborted(
                "not run: a statement sent earlier in the same pipeline batch failed first ("
                    + error.getMessage()
                    + ")");
      }
      statements.tracing().ended(batch.traces[i], step.results(), error);
      batch.results.add(result(step, error));
      if (error == null) {
        entry.onResults().accept(step.results());
        continue;
      }
      entry.onError().accept(error);
      if (first == null && !(error instanceof PipelineAborted)) {
        first = error;
      }
    }
    return first;
  }

  /** One statement's outcome: its (only) result's tag and count, or its error. */
  private static PipelineResult result(StatementStep step, TuskException error) {
    if (error != null || step.results().isEmpty()) {
      return new PipelineResult(null, -1, error);
    }
    StatementResult last = step.results().get(step.results().size() - 1);
    return new PipelineResult(last.commandTag(), last.rowCount(), null);
  }

  /** The batch may take as long as its most patient statement allows; null for no limit. */
  Duration timeout(Batch batch) {
    Duration longest = Duration.ZERO;
    for (Queued entry : batch.statements) {
      Duration timeout = statements.timeout(entry.statement().query());
      if (timeout == null) {
        return null;
      }
      longest = timeout.compareTo(longest) > 0 ? timeout : longest;
    }
    return longest;
  }
}
