package dev.tusk;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The few future combinators that let large objects and two-phase commit be written once, as
 * futures, for both faces. Over the sync face ({@link FaceConnection#of(Connection)}) every future
 * is complete when it is returned, so {@link #join} never waits and {@link #loop} iterates instead
 * of nesting; over the async face they complete when the server answers.
 */
final class Futures {

  private Futures() {}

  /**
   * The value of a future made by the sync face's calls, or its failure rethrown as it was thrown
   * (a driver exception stays the typed exception the sync face documents).
   */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new CompletionException(cause);
    }
  }

  /** {@code step}'s future, or a failed one if it throws instead of returning one. */
  static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Runs {@code step} again and again, each run after the previous one's future has completed,
   * until one completes with false or fails. Runs that complete at once are iterated in a loop, so
   * that any number of them takes no stack.
   */
  static CompletableFuture<Void> loop(Supplier<CompletableFuture<Boolean>> step) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    iterate(step, done);
    return done;
  }

  private static void iterate(
      Supplier<CompletableFuture<Boolean>> step, CompletableFuture<Void> done) {
    while (true) {
      CompletableFuture<Boolean> next = start(step);
      if (!next.isDone()) {
        next.whenComplete(
            (more, failure) -> {
              if (failure != null) {
                done.completeExceptionally(unwrap(failure));
              } else if (more) {
                iterate(step, done);
              } else {
                done.complete(null);
              }
            });
        return;
      }
      boolean more;
      try {
        more = next.join();
      } catch (CompletionException | CancellationException e) {
        done.completeExceptionally(unwrap(e));
        return;
      }
      if (!more) {
        done.complete(null);
        return;
      }
    }
  }

  /**
   * {@code work}'s outcome once {@code cleanup} has run after it, whether it succeeded or failed: a
   * try-with-resources for futures. A failing cleanup is suppressed into {@code work}'s failure, or
   * is the failure when {@code work} succeeded.
   */
  static <T> CompletableFuture<T> ensure(
      CompletableFuture<T> work, Supplier<CompletableFuture<Void>> cleanup) {
    CompletableFuture<T> outcome = new CompletableFuture<>();
    work.whenComplete(
        (value, failure) ->
            start(cleanup)
                .whenComplete(
                    (ignored, cleanupFailure) -> {
                      if (failure == null && cleanupFailure == null) {
                        outcome.complete(value);
                      } else {
                        outcome.completeExceptionally(combined(failure, cleanupFailure));
                      }
                    }));
    return outcome;
  }

  /**
   * {@code work}'s outcome; when it fails, {@code recovery} runs first (to leave the connection
   * usable), and a failure of that is suppressed into {@code work}'s.
   */
  static <T> CompletableFuture<T> onFailure(
      CompletableFuture<T> work, Supplier<CompletableFuture<Void>> recovery) {
    CompletableFuture<T> outcome = new CompletableFuture<>();
    work.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            outcome.complete(value);
            return;
          }
          start(recovery)
              .whenComplete(
                  (ignored, recoveryFailure) ->
                      outcome.completeExceptionally(combined(failure, recoveryFailure)));
        });
    return outcome;
  }

  /** The first failure (unwrapped) with the second, if any, suppressed into it. */
  private static Throwable combined(Throwable first, Throwable second) {
    if (first == null) {
      return unwrap(second);
    }
    Throwable cause = unwrap(first);
    if (second != null && unwrap(second) != cause) {
      cause.addSuppressed(unwrap(second));
    }
    return cause;
  }

  /** The exception inside a future's {@link CompletionException} wrappers. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
