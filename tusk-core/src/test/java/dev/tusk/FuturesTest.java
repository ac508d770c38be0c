package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.ProgrammingError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The combinators both faces of large objects and two-phase commit are written with. */
class FuturesTest {

  private static final Executor ELSEWHERE = work -> Thread.ofVirtual().start(work);

  @Test
  void aLoopOfStepsThatCompleteAtOnceTakesNoStack() {
    AtomicInteger steps = new AtomicInteger();
    CompletableFuture<Void> done =
        Futures.loop(() -> CompletableFuture.completedFuture(steps.incrementAndGet() < 1_000_000));
    assertTrue(done.isDone(), "the sync face's loop is over when it returns");
    Futures.join(done);
    assertEquals(1_000_000, steps.get());
  }

  @Test
  void aLoopOfStepsCompletingElsewhereRunsThemOneAfterAnother() {
    AtomicInteger steps = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    CompletableFuture<Void> done =
        Futures.loop(
            () -> {
              assertEquals(1, running.incrementAndGet(), "one step at a time");
              return CompletableFuture.supplyAsync(
                  () -> {
                    running.decrementAndGet();
                    return steps.incrementAndGet() < 500;
                  },
                  ELSEWHERE);
            });
    done.join();
    assertEquals(500, steps.get());
  }

  @Test
  void aFailingStepEndsTheLoopWithItsException() {
    DivisionByZero error = new DivisionByZero(dev.tusk.errors.Diagnostic.client("22012", "boom"));
    AtomicInteger steps = new AtomicInteger();
    CompletableFuture<Void> done =
        Futures.loop(
            () -> {
              if (steps.incrementAndGet() == 3) {
                throw error;
              }
              return CompletableFuture.completedFuture(true);
            });
    assertSame(error, assertThrows(DivisionByZero.class, () -> Futures.join(done)));
    assertEquals(3, steps.get());
  }

  @Test
  void joinRethrowsTheFailureItselfThroughCompletionWrappers() {
    ProgrammingError error = new ProgrammingError("misuse");
    CompletableFuture<Object> wrapped =
        CompletableFuture.completedFuture(1)
            .thenApply(
                one -> {
                  throw error;
                });
    assertSame(error, assertThrows(ProgrammingError.class, () -> Futures.join(wrapped)));
  }

  @Test
  void ensureRunsTheCleanupAfterSuccessAndFailureAndSuppressesItsFailure() {
    AtomicInteger cleanups = new AtomicInteger();
    assertEquals(
        7,
        Futures.join(
            Futures.ensure(
                CompletableFuture.completedFuture(7),
                () -> {
                  cleanups.incrementAndGet();
                  return CompletableFuture.completedFuture(null);
                })));

    ProgrammingError work = new ProgrammingError("work failed");
    ProgrammingError cleanup = new ProgrammingError("cleanup failed");
    CompletableFuture<Object> both =
        Futures.ensure(
            CompletableFuture.failedFuture(work),
            () -> {
              cleanups.incrementAndGet();
              throw cleanup;
            });
    assertSame(work, assertThrows(ProgrammingError.class, () -> Futures.join(both)));
    assertArrayEquals(new Throwable[] {cleanup}, work.getSuppressed());
    assertEquals(2, cleanups.get());

    CompletableFuture<Object> onlyCleanup =
        Futures.ensure(
            CompletableFuture.completedFuture("fine"),
            () -> CompletableFuture.failedFuture(new ProgrammingError("close failed")));
    assertEquals(
        "close failed",
        assertThrows(ProgrammingError.class, () -> Futures.join(onlyCleanup)).getMessage());
  }

  @Test
  void onFailureRecoversOnlyAfterAFailure() {
    AtomicInteger recoveries = new AtomicInteger();
    assertEquals(
        "ok",
        Futures.join(
            Futures.onFailure(
                CompletableFuture.completedFuture("ok"),
                () -> {
                  recoveries.incrementAndGet();
                  return CompletableFuture.completedFuture(null);
                })));
    assertEquals(0, recoveries.get());
    ProgrammingError failure = new ProgrammingError("prepare failed");
    CompletableFuture<Object> failed =
        Futures.onFailure(
            CompletableFuture.supplyAsync(
                () -> {
                  throw failure;
                },
                ELSEWHERE),
            () -> {
              recoveries.incrementAndGet();
              return CompletableFuture.completedFuture(null);
            });
    assertSame(failure, assertThrows(ProgrammingError.class, () -> Futures.join(failed)));
    assertEquals(1, recoveries.get());
  }
}
