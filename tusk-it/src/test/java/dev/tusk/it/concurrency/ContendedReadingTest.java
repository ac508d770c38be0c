package dev.tusk.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Virtual threads contending for one connection read for each other, while the session's I/O thread
 * runs the async face's callbacks: a callback that blocks there stalls no caller, and each caller's
 * timeout cancels its own statement only.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class ContendedReadingTest {

  private static final int CALLERS = 32;

  @Test
  void virtualThreadsKeepAnsweringWhileACallbackBlocksTheIoThread(Connection conn)
      throws Exception {
    AtomicInteger answered = new AtomicInteger();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    CountDownLatch callbackRunning = new CountDownLatch(1);
    Thread testThread = Thread.currentThread();
    AtomicReference<Thread> callbackThread = new AtomicReference<>();
    CountDownLatch releaseCallback = new CountDownLatch(1);
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = startCallers(callers, conn, 1_000, answered, wrong);
      awaitAnswers(answered, CALLERS * 20);
      // The sleep lets the callback be attached before the future completes: it then runs on the
      // thread that completes it, the session's I/O thread.
      CompletableFuture<Void> blocked =
          conn.async()
              .execute("SELECT pg_sleep(0.2)")
              .thenAccept(
                  cursor -> {
                    callbackThread.set(Thread.currentThread());
                    callbackRunning.countDown();
                    awaitQuietly(releaseCallback);
                  });
      assertTrue(callbackRunning.await(20, TimeUnit.SECONDS), "the callback never ran");
      assertTrue(callbackThread.get() != testThread, "the callback ran on the test's thread");
      int atBlock = answered.get();
      try {
        for (Future<?> caller : running) {
          caller.get(40, TimeUnit.SECONDS);
        }
        assertTrue(
            answered.get() > atBlock, "no caller was answered while the callback was blocked");
        assertTrue(callbackRunning.getCount() == 0 && !blocked.isDone(), "the callback ended");
      } finally {
        releaseCallback.countDown();
      }
      blocked.get(20, TimeUnit.SECONDS);
    }
    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(CALLERS * 1_000, answered.get());
    assertEquals(7, conn.execute("SELECT 7").fetchOne().getInt(0));
  }

  @Test
  void aTimeoutAmongContendingCallersCancelsOnlyItsOwnStatement(Connection conn) throws Exception {
    AtomicInteger answered = new AtomicInteger();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = startCallers(callers, conn, 300, answered, wrong);
      awaitAnswers(answered, CALLERS * 10);
      Future<Throwable> slow =
          callers.submit(
              () -> {
                try {
                  conn.execute(Query.of("SELECT pg_sleep(30)").withTimeout(Duration.ofMillis(300)));
                  return null;
                } catch (RuntimeException e) {
                  return e;
                }
              });
      assertInstanceOf(QueryCanceled.class, slow.get(20, TimeUnit.SECONDS));
      for (Future<?> caller : running) {
        caller.get(40, TimeUnit.SECONDS);
      }
    }
    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(CALLERS * 300, answered.get());
  }

  /** Starts the callers, each running {@code queries} queries that check their own answers. */
  private static List<Future<?>> startCallers(
      ExecutorService callers,
      Connection conn,
      int queries,
      AtomicInteger answered,
      Queue<String> wrong) {
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CALLERS; c++) {
      int caller = c;
      running.add(
          callers.submit(
              () -> {
                for (int i = 0; i < queries; i++) {
                  int expected = caller * 100_000 + i;
                  int got = conn.execute("SELECT $1::int4", expected).fetchOne().getInt(0);
                  if (got != expected) {
                    wrong.add("caller " + caller + " asked " + expected + ", got " + got);
                  }
                  answered.incrementAndGet();
                }
              }));
    }
    return running;
  }

  private static void awaitAnswers(AtomicInteger answered, int atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (answered.get() < atLeast) {
      assertTrue(System.nanoTime() < deadline, "the callers made no progress");
      Thread.sleep(5);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
