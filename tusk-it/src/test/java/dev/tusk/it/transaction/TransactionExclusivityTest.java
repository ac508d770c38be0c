package dev.tusk.it.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    Thread other;

    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO journal VALUES ('block')");
      other =
          Thread.ofPlatform()
              .name("other-caller")
              .start(
                  () -> {
                    conn.execute("INSERT INTO journal VALUES ('other')");
                    otherDone.set(System.nanoTime());
                  });
      awaitWaiting(other);
      // A round trip of the block's own, during which the other statement must stay queued.
      conn.execute("SELECT pg_sleep(0.05)");
      assertEquals(0L, otherDone.get(), "the other thread ran while the block was open");
      blockEnding = System.nanoTime();
      // Not committed: had the other statement run inside the block, it would be undone too.
    }

    other.join(TimeUnit.NANOSECONDS.toMillis(WAIT_NANOS));
    assertTrue(otherDone.get() != 0, "the other thread never finished");
    assertTrue(otherDone.get() > blockEnding, "the other thread finished before the block ended");
    assertEquals(
        List.of("other"),
        conn.execute("SELECT who FROM journal").fetchAll().stream().map(r -> r.get(0)).toList());
  }

  @Test
  void secondBlockFromAnotherThreadStartsAfterTheFirstEnds(Connection conn) throws Exception {
    conn.execute("CREATE TABLE turns (who text, n int)");
    CompletableFuture<Void> second;

    try (Transaction tx = conn.transaction()) {
      second =
          CompletableFuture.runAsync(
              () ->
                  conn.inTransaction(
                      c -> c.execute("INSERT INTO turns SELECT 'second', count(*) FROM turns")),
              command -> Thread.ofVirtual().start(command));
      conn.execute("INSERT INTO turns VALUES ('first', 0)");
      conn.execute("SELECT pg_sleep(0.05)");
      assertTrue(!second.isDone(), "the second block ran while the first was open");
      tx.commit();
    }

    second.get(10, TimeUnit.SECONDS);
    List<String> rows =
        conn.execute("SELECT who || ':' || n FROM turns ORDER BY who").fetchAll().stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(List.of("first:0", "second:1"), rows);
  }

  /** Bounded polling: the thread parks once it queues behind the block. */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (thread.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        fail("the other thread never started waiting: " + thread.getState());
      }
      Thread.sleep(1);
    }
  }
}
