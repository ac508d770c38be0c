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
 * The async face's plumbing over the same exchanges the sync face waits for. Completions are handed
 * to virtual threads: the session's reader thread must never run a caller's callback, which could
 * block it (or wait for a response only the reader can deliver).
 */
final class Asynchronous {

  /** Runs completions and deferred submissions, each on a virtual thread of its own. */
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
   * The exchange's outcome, delivered on a virtual thread. After {@code timeout} (if not null) the
   * request is cancelled on the server once it runs, and then fails with {@code QueryCanceled}.
   */
  static <T> CompletableFuture<T> outcome(Session session, Exchange<T> exchange, Duration timeout) {
    if (timeout != null) {
      Executor later =
          CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, CALLBACKS);
      later.execute(() -> session.cancelWhenRunning(exchange));
    }
    return exchange.future().whenCompleteAsync((result, failure) -> {}, CALLBACKS);
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
