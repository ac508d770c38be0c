package dev.tusk.internal.client;

import dev.tusk.errors.PipelineAborted;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.DescribeStatement;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    return await(batch, statements.submit(batch), timeout).steps();
  }

  /**
   * What opening a portal got: the step (its one result describes the portal) and the transaction
   * status its request ended in ('I': no transaction block held the portal, which is gone).
   */
  record Opened(StatementStep step, char transactionStatus) {}

  /**
   * Binds {@code statement} into the named portal {@code portal} and describes it, and waits. A
   * statement whose result columns this connection has not seen is described first, so that the
   * portal's Bind can ask for binary results for the columns the codecs read in binary.
   */
  Opened open(Statements.Bound statement, String portal, Duration timeout) {
    DescribeStatement describe = statements.describeUnknown(statement);
    if (describe != null) {
      statements.described(statement, connection.await(describe, timeout));
    }
    Ran ran = await(List.of(statement), statements.openPortal(statement, portal), timeout);
    return new Opened(ran.steps().get(0), ran.transactionStatus());
  }

  /** Runs a fetch step (an Execute of an open portal) and waits: the step, or its error. */
  StatementStep fetch(StatementStep step, Duration timeout) {
    return await(List.of(), statements.submit(step), timeout).steps().get(0);
  }

  /**
   * Queues a fetch step made to stream, and returns its rows as they arrive: the caller decodes the
   * first rows of a batch while the server still sends the rest. The request's error comes from
   * {@link RowStream#next(List)} once the rows before it are taken.
   */
  Streaming stream(StatementStep step, Duration timeout) {
    // Taken before the request is queued: once it is, a reading thread may complete the step.
    StatementResult result = step.current();
    Statements.Submitted submitted = statements.submit(step);
    ExtendedQuery request = submitted.request();
    Session session = connection.session();
    return new Streaming(
        new RowStream(session, request, result, session.waiting(request, timeout), () -> {}),
        request);
  }

  /** A streamed fetch: its rows as they arrive, and its request. */
  record Streaming(RowStream rows, ExtendedQuery request) {}

  /** Waits for a streamed fetch whose rest was dropped to end: its error, or null. */
  TuskException awaitEnd(ExtendedQuery request) {
    try {
      connection.await(request, null);
      return null;
    } catch (TuskException e) {
      return e;
    }
  }

  /** A request's steps and the transaction status it ended in. */
  private record Ran(List<StatementStep> steps, char transactionStatus) {}

  /** Waits for a submitted request: its steps, or the first error. */
  private Ran await(
      List<Statements.Bound> batch, Statements.Submitted submitted, Duration timeout) {
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
    return new Ran(submitted.steps(), submitted.request().transactionStatusAtEnd());
  }

  /**
   * The async face of {@link #run}: queues without blocking the caller; {@code onSubmit} learns the
   * request once queued, so that the caller can cancel it.
   */
  CompletableFuture<List<StatementStep>> runAsync(
      List<Statements.Bound> batch, Duration timeout, Consumer<Exchange<?>> onSubmit) {
    return runAsync(batch, timeout, onSubmit, direct);
  }

  /**
   * Where an async cursor queues its requests: {@code work} queues one and returns its outcome.
   * Directly (once the session is free), or on an async transaction's owner thread, which holds the
   * session for its block.
   */
  interface Submitter {
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work);
  }

  /** Queues as the async face does, without blocking the caller (see {@link Asynchronous}). */
  final Submitter direct =
      new Submitter() {
        @Override
        public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
          return Asynchronous.start(connection.session(), work);
        }
      };

  /** {@link #runAsync(List, Duration, Consumer)} through {@code submitter}. */
  CompletableFuture<List<StatementStep>> runAsync(
      List<Statements.Bound> batch,
      Duration timeout,
      Consumer<Exchange<?>> onSubmit,
      Submitter submitter) {
    return submitter
        .submit(() -> outcome(batch, statements.submit(batch), timeout, onSubmit))
        .thenApply(Ran::steps);
  }

  /** The async face of {@link #open}; a first Describe's follow-up queues through submitter. */
  CompletableFuture<Opened> openAsync(
      Statements.Bound statement,
      String portal,
      Duration timeout,
      Consumer<Exchange<?>> onSubmit,
      Submitter submitter) {
    Supplier<CompletableFuture<Opened>> open =
        () ->
            outcome(List.of(statement), statements.openPortal(statement, portal), timeout, onSubmit)
                .thenApply(ran -> new Opened(ran.steps().get(0), ran.transactionStatus()));
    return submitter.submit(
        () -> {
          DescribeStatement describe = statements.describeUnknown(statement);
          if (describe == null) {
            return open.get();
          }
          onSubmit.accept(describe);
          return Asynchronous.outcome(connection.session(), describe, timeout)
              .thenCompose(
                  described -> {
                    statements.described(statement, described);
                    return submitter.submit(open);
                  });
        });
  }

  /** The async face of {@link #fetch}. */
  CompletableFuture<StatementStep> fetchAsync(
      StatementStep step, Duration timeout, Consumer<Exchange<?>> onSubmit, Submitter submitter) {
    return submitter
        .submit(() -> outcome(List.of(), statements.submit(step), timeout, onSubmit))
        .thenApply(ran -> ran.steps().get(0));
  }

  /** A submitted request's outcome: its steps, or the first error. */
  private CompletableFuture<Ran> outcome(
      List<Statements.Bound> batch,
      Statements.Submitted submitted,
      Duration timeout,
      Consumer<Exchange<?>> onSubmit) {
    onSubmit.accept(submitted.request());
    return Asynchronous.outcome(connection.session(), submitted.request(), timeout)
        .handle(
            (ignored, failure) -> {
              TuskException lost = failure == null ? null : Asynchronous.unwrap(failure);
              TuskException error = settle(batch, submitted.steps(), lost);
              return error == null
                  ? CompletableFuture.completedFuture(
                      new Ran(submitted.steps(), submitted.request().transactionStatusAtEnd()))
                  : CompletableFuture.<Ran>failedFuture(error);
            })
        .thenCompose(next -> next);
  }

  /**
   * Lets the statement cache learn from each step of {@code batch} (a fetch step has none); returns
   * the error to raise: the first failed statement's (those after it were skipped), else the
   * request's own, else null.
   */
  private TuskException settle(
      List<Statements.Bound> batch, List<StatementStep> steps, TuskException lost) {
    TuskException first = null;
    for (int i = 0; i < steps.size(); i++) {
      StatementStep step = steps.get(i);
      if (i < batch.size()) {
        statements.finished(batch.get(i), step);
      }
      TuskException error = step.error();
      if (first == null && error != null && !(error instanceof PipelineAborted)) {
        first = error;
      }
    }
    return first != null ? first : lost;
  }
}
