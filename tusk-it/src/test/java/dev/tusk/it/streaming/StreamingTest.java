package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Results that outgrow the cursor's buffer stream: rows are read from the server as the caller
 * consumes them, the server is held back while the caller pauses, an abandoned stream leaves the
 * connection usable, and other callers of the same connection are served around a stream.
 */
@TuskTest
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class StreamingTest {

  @Test
  void aSmallResultIsReceivedWholeAndItsErrorRaisedByExecute(Connection conn) {
    assertThrows(
        DivisionByZero.class,
        () -> conn.execute("SELECT 1 / (g - 5) FROM generate_series(1, 10) g"));
    Cursor<Row> cursor = conn.execute("SELECT g FROM generate_series(1, 1000) g");
    assertEquals(1000, cursor.rowCount(), "a result that fits the buffer is complete at execute");
  }

  @Test
  void aLargeResultStreamsAndItsErrorIsRaisedByTheFetchThatReachesIt(Connection conn) {
    Cursor<Row> cursor = conn.execute("SELECT 1 / (g - 5000) FROM generate_series(1, 10000) g");
    assertEquals(-1, cursor.rowCount(), "the count is unknown while the result streams");
    int read = 0;
    DivisionByZero error = null;
    try {
      for (Row row : cursor) {
        row.getInt(0);
        read++;
      }
    } catch (DivisionByZero e) {
      error = e;
    }
    assertTrue(error != null, "the error reached the fetch");
    assertEquals(4999, read, "every row before the error was delivered");
    assertEquals(7, conn.execute("SELECT 7").fetchOne().getInt(0));
  }

  @Test
  void iterationReadsEveryRowInOrderAndTheCountIsKnownAtTheEnd(Connection conn) {
    Cursor<Long> cursor =
        conn.cursor(RowFactories.scalar(Long.class))
            .execute("SELECT g::int8 FROM generate_series(1, 250000) g");
    long expected = 1;
    for (Long value : cursor) {
      assertEquals(expected++, value);
    }
    assertEquals(250_001, expected);
    assertEquals(250_000, cursor.rowCount());
    assertEquals("SELECT 250000", cursor.statusMessage());
    assertNull(cursor.fetchOne());
  }

  @Test
  void fetchManyAndFetchAllReadOnFromWhereTheStreamIs(Connection conn) {
    Cursor<Row> cursor = conn.execute("SELECT g FROM generate_series(1, 5000) g");
    assertEquals(1, cursor.fetchOne().getInt(0));
    List<Row> next = cursor.fetchMany(2500);
    assertEquals(2500, next.size());
    assertEquals(2501, next.get(2499).getInt(0));
    List<Row> rest = cursor.fetchAll();
    assertEquals(2499, rest.size());
    assertEquals(5000, rest.get(2498).getInt(0));
    assertEquals(5000, cursor.rowCount());
  }

  @Test
  void closingAStreamEarlyDropsTheRestAndTheConnectionStaysUsable(Connection conn) {
    Cursor<Row> cursor = conn.execute("SELECT g FROM generate_series(1, 1000000) g");
    try (Stream<Row> rows = cursor.stream()) {
      assertEquals(55, rows.limit(10).mapToInt(row -> row.getInt(0)).sum());
    }
    Cursor<Row> next = conn.execute("SELECT g FROM generate_series(1, 3) g");
    assertEquals(List.of(1, 2, 3), next.fetchAll().stream().map(row -> row.getInt(0)).toList());
    assertEquals(3, next.rowCount());
  }

  @Test
  void runningAnotherStatementOnTheSameCursorAbandonsItsStream(Connection conn) {
    Cursor<Row> cursor = conn.cursor();
    cursor.execute("SELECT g FROM generate_series(1, 500000) g");
    assertEquals(1, cursor.fetchOne().getInt(0));
    cursor.execute("SELECT 'next'");
    assertEquals("next", cursor.fetchOne().get(0, String.class));
  }

  /**
   * The stream's own thread runs another statement before finishing the stream: the stream's rest
   * is collected for it (nobody else would take it), and no row is lost.
   */
  @Test
  void anUnfinishedStreamOfTheSameThreadIsCollectedWhenItRunsAnotherStatement(Connection conn) {
    Cursor<Long> stream =
        conn.cursor(RowFactories.scalar(Long.class))
            .execute("SELECT g::int8 FROM generate_series(1, 100000) g");
    assertEquals(1L, stream.fetchOne());
    assertEquals(3, conn.execute("SELECT 3").fetchOne().getInt(0));
    long sum = 1;
    for (Long value : stream) {
      sum += value;
    }
    assertEquals(100_000L * 100_001 / 2, sum);
  }

  @Test
  void aStreamInterleavedWithSixtyFourConcurrentCallers(Connection conn) throws Exception {
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Long> streamed =
          callers.submit(
              () -> {
                long sum = 0;
                Cursor<Long> cursor =
                    conn.cursor(RowFactories.scalar(Long.class))
                        .execute("SELECT g::int8 FROM generate_series(1, 200000) g");
                for (Long value : cursor) {
                  sum += value;
                }
                return sum;
              });
      List<Future<?>> others = new ArrayList<>();
      for (int caller = 0; caller < 64; caller++) {
        int id = caller;
        others.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    int expected = id * 1000 + i;
                    int got = conn.execute("SELECT $1::int4", expected).fetchOne().getInt(0);
                    if (got != expected) {
                      wrong.add(id + "/" + i + ": " + got);
                    }
                  }
                }));
      }
      for (Future<?> other : others) {
        other.get();
      }
      assertEquals(200_000L * 200_001 / 2, streamed.get());
    }
    assertTrue(wrong.isEmpty(), wrong.toString());
  }

  /**
   * The caller reads one row and pauses: the client stops reading, TCP fills, and the server's
   * backend waits to write (wait event ClientWrite), which proves the rows are not piling up in the
   * client. Closing the cursor then drops the rest and the connection is usable.
   */
  @Test
  void aPausedConsumerHoldsTheServerBack(Connection conn, PostgresServer server) throws Exception {
    int pid = conn.info().backendPid();
    Cursor<Row> cursor =
        conn.execute("SELECT g, repeat('x', 1000) FROM generate_series(1, 200000) g");
    assertEquals(1, cursor.fetchOne().getInt(0));
    assertServerWaitsToWrite(server, pid);
    cursor.close();
    assertEquals(5, conn.execute("SELECT 5").fetchOne().getInt(0));
  }

  /**
   * An unbounded stream: the consumer reads one row and pauses, and another thread's statement on
   * the same connection still runs, the rest of the stream being read into memory for the consumer,
   * who then reads every row in order.
   */
  @Test
  void anUnboundedStreamNeverHoldsUpAnotherThread(Connection conn) throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Cursor<Row> cursor = conn.cursor().boundedStreaming(false)) {
      cursor.execute("SELECT g FROM generate_series(1, 200000) g");
      assertEquals(1, cursor.fetchOne().getInt(0));
      Future<Integer> twelve = other.submit(() -> conn.execute("SELECT 12").fetchOne().getInt(0));
      assertEquals(12, twelve.get(30, java.util.concurrent.TimeUnit.SECONDS));
      int expected = 2;
      for (Row row : cursor) {
        assertEquals(expected++, row.getInt(0));
      }
      assertEquals(200001, expected);
      assertEquals(200000, cursor.rowCount());
    } finally {
      other.shutdownNow();
    }
  }

  /**
   * An unbounded stream whose consumer pauses while nobody else uses the connection still leaves
   * the rows in the socket: the server waits to write, so they do not pile up in the client.
   */
  @Test
  void anUnboundedStreamAloneStillHoldsTheServerBack(Connection conn, PostgresServer server)
      throws Exception {
    int pid = conn.info().backendPid();
    Cursor<Row> cursor =
        conn.cursor()
            .boundedStreaming(false)
            .execute("SELECT g, repeat('x', 1000) FROM generate_series(1, 200000) g");
    assertEquals(1, cursor.fetchOne().getInt(0));
    assertServerWaitsToWrite(server, pid);
    cursor.close();
    assertEquals(5, conn.execute("SELECT 5").fetchOne().getInt(0));
  }

  /** Asserts that backend {@code pid} comes to wait to write to its client (ClientWrite). */
  private static void assertServerWaitsToWrite(PostgresServer server, int pid) throws Exception {
    try (Connection observer = Tusk.connect(server.conninfo())) {
      String waitEvent = null;
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < deadline) {
        waitEvent =
            observer
                .execute("SELECT wait_event FROM pg_stat_activity WHERE pid = $1", pid)
                .fetchOne()
                .get(0, String.class);
        if ("ClientWrite".equals(waitEvent)) {
          return;
        }
        Thread.sleep(50);
      }
      assertEquals("ClientWrite", waitEvent, "the server is not held back by the paused client");
    }
  }
}
