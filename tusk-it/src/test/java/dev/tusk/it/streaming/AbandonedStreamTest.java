package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.testing.TuskTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A stream its thread drops without closing (the cursor becomes garbage) must not hold up the
 * connection's other callers forever: once the cursor is collected, the rest of its rows are
 * dropped as they arrive and the requests behind it are answered.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class AbandonedStreamTest {

  @Test
  void aStreamDroppedUnclosedByItsThreadReleasesTheConnectionOnceCollected(Connection conn)
      throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      threads
          .submit(
              () -> {
                Cursor<Row> cursor =
                    conn.execute("SELECT g, repeat('x', 200) FROM generate_series(1, 500000) g");
                assertEquals(1, cursor.fetchOne().getInt(0));
                // Dropped here, unclosed and unread.
              })
          .get(30, TimeUnit.SECONDS);
      Future<Integer> behind = threads.submit(() -> conn.execute("SELECT 7").fetchOne().getInt(0));
      Integer answer = null;
      for (int attempt = 0; attempt < 200 && answer == null; attempt++) {
        System.gc();
        try {
          answer = behind.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
          // The stream's cursor is not collected yet.
        }
      }
      assertEquals(7, answer, "the request behind the abandoned stream was never answered");
      assertEquals(
          8,
          CompletableFuture.supplyAsync(() -> conn.execute("SELECT 8"))
              .get(30, TimeUnit.SECONDS)
              .fetchOne()
              .getInt(0));
    }
  }
}
