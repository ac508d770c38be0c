package dev.tusk.it.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * While one thread holds a {@code transaction()} block, other threads' statements on the same
 * connection wait until the block ends, and so never run inside it.
 */
@TuskTest
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class TransactionExclusivityTest {

  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  @Test
  void otherThreadsStatementWaitsForTheBlockAndRunsOutsideIt(Connection conn) throws Exception {
    conn.execute("CREATE TABLE journal (who text)");
    AtomicLong otherDone = new AtomicLong();
    long blockEnding;
    Caller other;

    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO journal VALUES ('block')");
      other =
          new Caller(
              () -> {
                conn.execute("INSERT INTO journal VALUES ('other')");
                otherDone.set(System.nanoTime());
              });
      other.awaitWaiting();
      // A round trip of the block's own, during which the other statement must stay queued.
      conn.execute("SELECT pg_sleep(0.05)");
      assertEquals(0L, otherDone.get(), "the other thread ran while the block was open");
      blockEnding = System.nanoTime();
      // Not committed: had the other statement run inside the block, it would be undone too.
    }

    other.awaitSuccess();
    assertTrue(otherDone.get() > blockEnding, "the other thread finished before the block ended");
    assertEquals(
        List.of("other"),
        conn.execute("SELECT who FROM journal").fetchAll().stream().map(r -> r.get(0)).toList());
  }

  @Test
  void secondBlockFromAnotherThreadStartsAfterTheFirstEnds(Connection conn) throws Exception {
    conn.execute("CREATE TABLE turns (who text, n int)");
    Caller second;

    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO turns VALUES ('first', 0)");
      second =
          new Caller(
              () ->
                  conn.inTransaction(
                      c -> c.execute("INSERT INTO turns SELECT 'second', count(*) FROM turns")));
      second.awaitWaiting();
      conn.execute("SELECT pg_sleep(0.05)");
      assertTrue(second.thread.isAlive(), "the second block ran while the first was open");
      tx.commit();
    }

    second.awaitSuccess();
    List<String> rows =
        conn.execute("SELECT who || ':' || n FROM turns ORDER BY who").fetchAll().stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(List.of("first:0", "second:1"), rows);
  }

  /** Another thread using the connection, with its failure kept for the test thread. */
  private static final class Caller {
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    Caller(Runnable work) {
      thread =
          Thread.ofPlatform()
              .name("other-caller")
              .start(
                  () -> {
                    try {
                      work.run();
                    } catch (Throwable e) {
                      failure.set(e);
                    }
                  });
    }

    /** Bounded polling: the thread parks once it queues behind the block. */
    void awaitWaiting() throws InterruptedException {
      long deadline = System.nanoTime() + WAIT_NANOS;
      while (thread.getState() != Thread.State.WAITING) {
        if (System.nanoTime() > deadline) {
          fail("the other thread never started waiting: " + thread.getState());
        }
        Thread.sleep(1);
      }
    }

    void awaitSuccess() throws InterruptedException {
      assertTrue(thread.join(Duration.ofNanos(WAIT_NANOS)), "the other thread never finished");
      assertNull(failure.get(), () -> "the other thread failed: " + failure.get());
    }
  }
}
