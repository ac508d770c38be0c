package dev.tusk.internal.client;

import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementStep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a server cursor's statements as one request with one Sync, collecting their results, for
 * both faces: the sync face waits as a client cursor does (reading the socket itself), the async
 * face gets a future. A failed statement's own error is raised, else the request's (a lost
 * connection).
 */
final class ServerCursorRequests {

  private final ConnectionCore connection;
  private final Statements statements;

  ServerCursorRequests(ConnectionCore connection, Statements statements) {
    this.connection = connection;
    this.statements = statements;
  }

  Session session() {
    return connection.session();
  }

  /** Runs the statements and waits: their steps, or the first error. */
  List<StatementStep> run(List<Statements.Bound> batch, Duration timeout) {
    Statements.Submitted submitted = statements.submit(batch);
    TuskException lost = null;
    try {
      connection.await(submitted.request(), timeout);
    } catch (TuskException e) {
      lost = e;
    }
    TuskException error = settle(batch, submitted.steps(), lost);
    if (error != null) {
      error.fillInStackTrace();
      throw error;
    }
    return submitted.steps();
  }

  /**
   * The async face of {@link #run}: queues without blocking the caller; {@code onSubmit} learns the
   * request once queued, so that the caller can cancel it.
   */
  CompletableFuture<List<StatementStep>> runAsync(
      List<Statements.Bound> batch, Duration timeout, Consumer<Exchange<?>> onSubmit) {
    Session session = connection.session();
    return Asynchronous.start(
        session,
        () -> {
          Statements.Submitted submitted = statements.submit(batch);
          onSubmit.accept(submitted.request());
          return Asynchronous.outcome(session, submitted.request(), timeout)
              .handle(
                  (ignored, failure) -> {
                    TuskException lost = failure == null ? null : Asynchronous.unwrap(failure);
                    TuskException error = settle(batch, submitted.steps(), lost);
                    return error == null
                        ? CompletableFuture.completedFuture(submitted.steps())
                        : CompletableFuture.<List<StatementStep>>failedFuture(error);
                  })
              .thenCompose(next -> next);
        });
  }

  /**
   * Lets the statement cache learn from each step; returns the error to raise: the first failed
   * statement's (those after it were skipped), else the request's own, else null.
   */
  private TuskException settle(
      List<Statements.Bound> batch, List<StatementStep> steps, TuskException lost) {
    TuskException first = null;
    for (int i = 0; i < steps.size(); i++) {
      StatementStep step = steps.get(i);
      statements.finished(batch.get(i), step);
      TuskException error = step.error();
      if (first == null && error != null && !(error instanceof PipelineAborted)) {
        first = error;
      }
    }
    return first != null ? first : lost;
  }
}
