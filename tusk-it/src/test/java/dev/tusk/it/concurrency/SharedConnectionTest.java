package dev.tusk.it.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InvalidTextRepresentation;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The core promise: many threads share ONE connection, and each gets exactly its own results and
 * its own errors, never another thread's. A deadlock fails the test at its timeout.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class SharedConnectionTest {

  private static final int QUERIES_PER_THREAD = 200;

  /**
   * The acceptance run: 100 virtual threads × 1,000 queries. With the default threshold the
   * statement is prepared while the threads race, so unnamed, preparing and prepared runs
   * interleave on the wire.
   */
  @Test
  void hundredVirtualThreadsTimesAThousandQueriesEachGetTheirOwnAnswers(Connection conn)
      throws Exception {
    AtomicInteger checked = new AtomicInteger();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        100,
        thread -> {
          for (int i = 0; i < 1_000; i++) {
            checkOwnAnswer(conn, thread, i, wrong);
            checked.incrementAndGet();
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(100 * 1_000, checked.get());
    assertConnectionIdle(conn);
  }

  @Test
  void sixteenPlatformThreadsEachGetTheirOwnAnswers(Connection conn) throws Exception {
    AtomicInteger checked = new AtomicInteger();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();

    runAll(
        Executors.newFixedThreadPool(16),
        48,
        task -> {
          for (int i = 0; i < QUERIES_PER_THREAD; i++) {
            checkOwnAnswer(conn, task, i, wrong);
            checked.incrementAndGet();
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(48 * QUERIES_PER_THREAD, checked.get());
    assertConnectionIdle(conn);
  }

  @Test
  void eachThreadGetsItsOwnResultOrItsOwnError(Connection conn) throws Exception {
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicInteger values = new AtomicInteger();
    AtomicInteger divisions = new AtomicInteger();
    AtomicInteger badInputs = new AtomicInteger();

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        60,
        thread -> {
          for (int i = 0; i < 50; i++) {
            int key = thread * 1000 + i;
            switch ((thread + i) % 3) {
              case 0 -> {
                checkOwnAnswer(conn, thread, i, wrong);
                values.incrementAndGet();
              }
              case 1 -> {
                expectDivisionByZero(conn, key, wrong);
                divisions.incrementAndGet();
              }
              default -> {
                expectOwnBadInput(conn, key, wrong);
                badInputs.incrementAndGet();
              }
            }
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(60 * 50, values.get() + divisions.get() + badInputs.get());
    assertTrue(divisions.get() > 0 && badInputs.get() > 0 && values.get() > 0);
    assertConnectionIdle(conn);
  }

  @Test
  void textAndBinaryRunsOfManyTypesInterleaveWithoutMixingValues(Connection conn) throws Exception {
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    String sql =
        "SELECT $1::int8 * 2 AS doubled, $2::numeric AS amount, $3::timestamptz AS at,"
            + " $4::text[] AS tags, $5::bytea AS raw, $6::uuid AS id";

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        50,
        thread -> {
          for (int i = 0; i < 20; i++) {
            long key = thread * 1000L + i;
            BigDecimal amount = BigDecimal.valueOf(key, 2);
            OffsetDateTime at =
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(key);
            List<String> tags = Arrays.asList("t" + key, null);
            byte[] raw = ByteBuffer.allocate(8).putLong(key).array();
            UUID id = new UUID(thread, i);
            Row row = conn.execute(sql, key, amount, at, tags, raw, id).fetchOne();
            List<Object> want =
                List.of(key * 2, amount, at, tags, HexFormat.of().formatHex(raw), id);
            List<Object> got =
                Arrays.asList(
                    row.get("doubled"),
                    row.get("amount"),
                    row.get("at"),
                    row.get("tags"),
                    HexFormat.of().formatHex(row.getBytes("raw")),
                    row.get("id"));
            if (!want.equals(got)) {
              wrong.add("thread " + thread + " query " + i + " wanted " + want + " got " + got);
            }
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
  }

  @Test
  void slowQueryDelaysButDoesNotCorruptOthersResults(Connection conn) throws Exception {
    Queue<String> wrong = new ConcurrentLinkedQueue<>();

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        21,
        thread -> {
          if (thread == 0) {
            Row row =
                conn.execute("SELECT pg_sleep(0.5)::text AS slept, $1::int4 AS n", -1).fetchOne();
            if (!Integer.valueOf(-1).equals(row.get("n"))) {
              wrong.add("slow query got " + row);
            }
            return;
          }
          for (int i = 0; i < 50; i++) {
            checkOwnAnswer(conn, thread, i, wrong);
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
    assertConnectionIdle(conn);
  }

  @Test
  void concurrentExecuteManyCallsEachInsertTheirOwnSets(Connection conn) throws Exception {
    conn.execute("CREATE TABLE batches (thread int, n int, PRIMARY KEY (thread, n))");
    Queue<String> wrong = new ConcurrentLinkedQueue<>();

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        20,
        thread -> {
          List<Object[]> sets = new ArrayList<>();
          for (int n = 0; n < 100; n++) {
            sets.add(new Object[] {thread, n});
          }
          long inserted =
              conn.cursor().executeMany("INSERT INTO batches VALUES ($1, $2)", sets).rowCount();
          if (inserted != 100) {
            wrong.add("thread " + thread + " inserted " + inserted);
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
    Row summary =
        conn.execute("SELECT count(*), count(DISTINCT thread), sum(n) FROM batches").fetchOne();
    assertEquals(2000L, summary.getLong(0));
    assertEquals(20L, summary.getLong(1));
    assertEquals(20L * 4950, summary.getLong(2));
  }

  @Test
  void transactionBlocksFromManyThreadsTakeTurnsAmongPlainQueries(Connection conn)
      throws Exception {
    conn.execute("CREATE TABLE turns (thread int, n int)");
    Queue<String> wrong = new ConcurrentLinkedQueue<>();

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        40,
        thread -> {
          if (thread % 2 == 0) {
            checkOwnAnswer(conn, thread, 0, wrong);
            return;
          }
          long seen =
              conn.inTransaction(
                  c -> {
                    for (int n = 0; n < 5; n++) {
                      c.execute("INSERT INTO turns VALUES ($1, $2)", thread, n);
                    }
                    return c.execute("SELECT count(*) FROM turns WHERE thread = $1", thread)
                        .fetchOne()
                        .getLong(0);
                  });
          if (seen != 5) {
            wrong.add("thread " + thread + " saw " + seen + " rows of its own");
          }
        });

    assertEquals(List.of(), List.copyOf(wrong));
    assertEquals(100L, conn.execute("SELECT count(*) FROM turns").fetchOne().getLong(0));
    assertConnectionIdle(conn);
  }

  @Test
  void threadsShareTheImplicitTransactionOfAutocommitOff(Connection conn, Connection other)
      throws Exception {
    conn.execute("CREATE TABLE shared_tx (thread int)");
    conn.setAutocommit(false);

    runAll(
        Executors.newVirtualThreadPerTaskExecutor(),
        20,
        thread -> conn.execute("INSERT INTO shared_tx VALUES ($1)", thread));

    assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
    assertEquals(0L, other.execute("SELECT count(*) FROM shared_tx").fetchOne().getLong(0));
    conn.commit();
    Row summary =
        other.execute("SELECT count(*), count(DISTINCT thread) FROM shared_tx").fetchOne();
    assertEquals(20L, summary.getLong(0));
    assertEquals(20L, summary.getLong(1));
  }

  /** Runs {@code tasks} tasks on {@code executor}, rethrowing the first failure. */
  private static void runAll(ExecutorService executor, int tasks, IntConsumer task)
      throws Exception {
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        int id = t;
        futures.add(executor.submit(() -> task.accept(id)));
      }
      for (Future<?> future : futures) {
        future.get(50, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static void checkOwnAnswer(Connection conn, int thread, int i, Queue<String> wrong) {
    int number = thread * 100_000 + i;
    String text = "thread " + thread + " query " + i;
    Row row = conn.execute("SELECT $1::int, $2::text", number, text).fetchOne();
    if (!Integer.valueOf(number).equals(row.get(0)) || !text.equals(row.get(1))) {
      wrong.add(text + " got " + row);
    }
  }

  private static void expectDivisionByZero(Connection conn, int key, Queue<String> wrong) {
    try {
      Row row = conn.execute("SELECT $1::int / ($1::int - $1::int)", key).fetchOne();
      wrong.add("division of " + key + " by zero returned " + row);
    } catch (DivisionByZero expected) {
      // its own error
    }
  }

  /** The server's message quotes the bad input, so the error shows whose statement failed. */
  private static void expectOwnBadInput(Connection conn, int key, Queue<String> wrong) {
    String input = "bad" + key;
    try {
      Row row = conn.execute("SELECT $1::text::int4", input).fetchOne();
      wrong.add("bad input " + input + " returned " + row);
    } catch (InvalidTextRepresentation e) {
      String message = e.diagnostic().messagePrimary();
      if (!message.contains('"' + input + '"')) {
        wrong.add("bad input " + input + " got the error " + message);
      }
    }
  }

  private static void assertConnectionIdle(Connection conn) {
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
  }
}
