package dev.tusk.internal.client;

import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The async face's plumbing over the same exchanges the sync face waits for. The driver's own steps
 * (retries, showing results in a cursor) run on the thread that read the response; the futures the
 * user holds complete on the session's I/O thread after it has let go of the read role ({@link
 * #delivered}), so a user's callback that blocks, even one waiting for another response of the same
 * connection, never stops the reading.
 */
final class Asynchronous {

  /** Runs deferred submissions, timeouts and offloaded sync calls, each on a virtual thread. */
  static final ExecutorService CALLBACKS =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tusk-async-", 0).factory());

  private Asynchronous() {}

  /**
   * Runs {@code work} (which queues requests) without blocking the caller: at once when the session
   * is free or already held by this thread, else on a virtual thread that waits its turn (another
   * thread's transaction block holds the session). An exception from {@code work} fails the
   * returned future.
   */
  static <T> CompletableFuture<T> start(Session session, Supplier<CompletableFuture<T>> work) {
    if (!session.tryAcquireExclusive()) {
      return CompletableFuture.supplyAsync(work, CALLBACKS).thenCompose(next -> next);
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    } finally {
      session.releaseExclusive();
    }
  }

  /**
   * The exchange's outcome, which the I/O thread reads unless another thread reads anyway. After
   * {@code timeout} (if not null) the request is cancelled on the server once it runs, and then
   * fails with {@code QueryCanceled}. The future completes on the session's I/O thread, which may
   * run the driver's own steps and the user's callbacks (see {@link #delivered}).
   */
  static <T> CompletableFuture<T> outcome(Session session, Exchange<T> exchange, Duration timeout) {
    session.readForMe(exchange);
    if (timeout != null) {
      Executor later =
          CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, CALLBACKS);
      later.execute(() -> session.cancelWhenRunning(exchange));
    }
    return delivered(session, exchange.future());
  }

  /**
   * A future for the user that completes as {@code inner} does, on the session's I/O thread once it
   * has let go of the read role; cancelling it runs {@code onCancel}.
   */
  static <T> CompletableFuture<T> delivered(
      Session session, CompletableFuture<T> inner, Runnable onCancel) {
    CompletableFuture<T> user = delivered(session, inner);
    user.whenComplete(
        (value, failure) -> {
          if (user.isCancelled()) {
            onCancel.run();
          }
        });
    return user;
  }

  /**
   * A future that completes as {@code inner} does (which may be on any thread that reads), on the
   * session's I/O thread once it has let go of the read role. Whatever depends on it may block
   * without stopping the reading: while the I/O thread is stuck in a callback, another thread reads
   * in its place.
   */
  private static <T> CompletableFuture<T> delivered(Session session, CompletableFuture<T> inner) {
    if (inner.isDone()) {
      // Failed at once (closed, or a value that could not be encoded): nothing to hand over.
      return inner;
    }
    CompletableFuture<T> user = new CompletableFuture<>();
    inner.whenComplete(
        (value, failure) ->
            session.deliver(
                () -> {
                  if (failure != null) {
                    user.completeExceptionally(unwrap(failure));
                  } else {
                    user.complete(value);
                  }
                }));
    return user;
  }

  /** The driver's exception inside a future's failure. */
  static TuskException unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof TuskException error
        ? error
        : new InterfaceError("unexpected failure inside the driver: " + cause, cause);
  }

  /** Runs a blocking call of the sync face that returns nothing on a virtual thread. */
  static CompletableFuture<Void> offload(Runnable call) {
    return CompletableFuture.runAsync(call, CALLBACKS);
  }

  /** Runs a blocking call of the sync face on a virtual thread. */
  static <T> CompletableFuture<T> offload(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, CALLBACKS);
  }
}
