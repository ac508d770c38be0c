package dev.tusk.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The JVM-wide thread that watches for async callbacks stuck on a session's I/O thread looks only
 * while a callback runs: with connections open and no callback running it sleeps without a
 * deadline, where waking every 10 ms cost an open connection about 1 % of a core.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class CallbackWatchSleepsTest {

  private static Thread watch() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("tusk-callback-watch"))
        .findFirst()
        .orElse(null);
  }

  /** Waits up to 5 s for the watch to be in one of {@code states}; returns the last seen. */
  private static Thread.State awaitState(Thread watch, Set<Thread.State> states)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Thread.State state = watch.getState();
    while (!states.contains(state) && System.nanoTime() < deadline) {
      Thread.sleep(5);
      state = watch.getState();
    }
    return state;
  }

  @Test
  void theWatchSleepsWhileNoCallbackRunsAndLooksWhileOneDoes(Connection conn) throws Exception {
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    Thread watch = watch();
    assertNotNull(watch, "an open connection is watched");
    assertEquals(Thread.State.WAITING, awaitState(watch, Set.of(Thread.State.WAITING)));

    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> blocked =
        conn.async()
            .execute("SELECT pg_sleep(0.1)")
            .thenAccept(
                cursor -> {
                  running.countDown();
                  try {
                    release.await(20, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    try {
      assertTrue(running.await(20, TimeUnit.SECONDS), "the callback never ran");
      // Looking now: it waits out its period between looks.
      assertEquals(
          Thread.State.TIMED_WAITING, awaitState(watch, Set.of(Thread.State.TIMED_WAITING)));
    } finally {
      release.countDown();
    }
    blocked.get(20, TimeUnit.SECONDS);
    assertEquals(Thread.State.WAITING, awaitState(watch, Set.of(Thread.State.WAITING)));
    assertEquals(2, conn.execute("SELECT 2").fetchOne().getInt(0));
  }
}
