package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mixed load under injected faults: many virtual threads share a few connections and a pool, all
 * through a {@link FaultProxy}, running queries, streamed results, transactions, async statements
 * and statements that time out, while the link is reset, cut in the middle of answers or slowed,
 * and the pool's backends are terminated. Every answer must be right or a typed error; at the end
 * no Tusk thread or socket is left (NothingLeftBehind) and the pool's stats balance.
 *
 * <p>20 seconds by default; {@code -Dtusk.soak.seconds=3600} for an hour (see docs/reliability.md).
 */
@dev.tusk.testing.TuskTest
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 2, unit = TimeUnit.HOURS, threadMode = ThreadMode.SEPARATE_THREAD)
class SoakTest {

  private static final Duration LENGTH = Duration.ofSeconds(Long.getLong("tusk.soak.seconds", 20));
  private static final int WORKERS = 24;
  private static final int SHARED = 3;
  private static final String APPLICATION = "tusk_soak";

  private final AtomicLong poolRequests = new AtomicLong();
  private final SoakTally tally = new SoakTally();

  /** Starts the JVM-wide threads a run would start, so they are not counted as left behind. */
  @BeforeAll
  static void startSharedThreads(TestSchema schema) {
    try (Connection conn = Tusk.connect(schema.conninfo())) {
      conn.async().execute("SELECT 1").join().fetchAll().join();
      try (Stream<Row> rows = conn.execute("SELECT 1").stream()) {
        assertEquals(1, rows.count());
      }
      conn.execute("CREATE TABLE IF NOT EXISTS soak_items (worker int, n bigint)");
    }
  }

  @Test
  void mixedLoadUnderFaults(PostgresServer server, TestSchema schema) throws Exception {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection admin = Tusk.connect(schema.conninfo())) {
      String conninfo =
          schema.conninfo()
              + " connect_timeout=5 application_name="
              + APPLICATION
              + " "
              + proxy.conninfoOverride();
      AtomicReferenceArray<Connection> shared = new AtomicReferenceArray<>(SHARED);
      for (int i = 0; i < SHARED; i++) {
        shared.set(i, Tusk.connect(conninfo));
      }
      PoolOptions options =
          PoolOptions.builder()
              .name("soak")
              .size(2, 4)
              .timeout(Duration.ofSeconds(10))
              .reconnectDelay(Duration.ofMillis(100))
              .build();
      long deadline = System.nanoTime() + LENGTH.toNanos();
      try (ConnectionPool pool = new ConnectionPool(conninfo, options)) {
        SoakWork work = new SoakWork(pool, shared, conninfo, poolRequests);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
          int worker = w;
          workers.add(
              Thread.ofVirtual()
                  .name("soak-" + w)
                  .start(
                      () -> {
                        while (System.nanoTime() < deadline) {
                          work.runOne(worker, tally);
                        }
                      }));
        }
        injectFaults(proxy, admin, deadline);
        for (Thread worker : workers) {
          assertTrue(worker.join(Duration.ofMinutes(2)), worker + " is stuck");
        }
        proxy.restore();
        assertTrue(tally.wrong.isEmpty(), tally.toString());
        assertTrue(tally.rightAnswers() > 100, "too little done: " + tally);
        for (String operation : SoakWork.OPERATIONS) {
          assertTrue(tally.right(operation) > 0, operation + " never went right: " + tally);
        }
        assertPoolBalances(pool);
      } finally {
        for (int i = 0; i < SHARED; i++) {
          shared.get(i).close();
        }
      }
    }
    System.out.println("soak " + LENGTH + ": " + tally);
  }

  /** Every few hundred milliseconds, one fault, then the link restored. */
  private static void injectFaults(FaultProxy proxy, Connection admin, long deadline)
      throws InterruptedException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < deadline) {
      Thread.sleep(random.nextInt(500, 1500));
      switch (random.nextInt(4)) {
        case 0 -> proxy.reset();
        case 1 -> proxy.cutAfter(random.nextInt(10, 5000));
        case 2 -> proxy.delay(Duration.ofMillis(random.nextInt(5, 50)));
        default ->
            admin
                .execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = $1 AND pid <> pg_backend_pid()",
                    APPLICATION)
                .fetchAll();
      }
      Thread.sleep(random.nextInt(100, 400));
      proxy.restore();
    }
  }

  /**
   * With every worker done, the pool must be whole: every connection back and idle, no more of them
   * than its maximum, and one request counted per call made to it.
   */
  private void assertPoolBalances(ConnectionPool pool) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Map<String, Long> stats = pool.stats();
    while (!stats.get("pool_available").equals(stats.get("pool_size"))
        && System.nanoTime() < until) {
      Thread.sleep(50);
      stats = pool.stats();
    }
    assertEquals(stats.get("pool_size"), stats.get("pool_available"), stats.toString());
    assertTrue(stats.get("pool_size") <= 4, stats.toString());
    assertEquals(poolRequests.get(), stats.get("requests_num"), stats.toString());
    assertTrue(stats.get("requests_errors") <= stats.get("requests_num"), stats.toString());
    assertTrue(
        stats.get("connections_num") - stats.get("connections_errors") >= stats.get("pool_size"),
        stats.toString());
  }

  /** The operations, each checking its own answer. */
  static final class SoakWork {

    static final List<String> OPERATIONS =
        List.of("query", "stream", "transaction", "timeout", "async", "pooled");

    private final ConnectionPool pool;
    private final AtomicReferenceArray<Connection> shared;
    private final String conninfo;
    private final AtomicLong poolRequests;

    SoakWork(
        ConnectionPool pool,
        AtomicReferenceArray<Connection> shared,
        String conninfo,
        AtomicLong poolRequests) {
      this.pool = pool;
      this.shared = shared;
      this.conninfo = conninfo;
      this.poolRequests = poolRequests;
    }

    void runOne(int worker, SoakTally tally) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int n = random.nextInt(1, 1_000_000);
      switch (random.nextInt(OPERATIONS.size())) {
        case 0 -> tally.run("query", () -> query(n));
        case 1 -> tally.run("stream", () -> stream(random.nextInt(1, 5000)));
        case 2 -> tally.run("transaction", () -> transaction(worker, n));
        case 3 -> tally.run("timeout", this::timeout);
        case 4 -> tally.run("async", () -> async(n));
        default -> tally.run("pooled", () -> pooled(n));
      }
    }

    /** One of the shared connections, replaced if a fault closed it. */
    private Connection shared() {
      int i = ThreadLocalRandom.current().nextInt(shared.length());
      Connection conn = shared.get(i);
      if (conn.closed()) {
        Connection fresh = Tusk.connect(conninfo);
        if (shared.compareAndSet(i, conn, fresh)) {
          return fresh;
        }
        fresh.close();
        return shared.get(i);
      }
      return conn;
    }

    private void query(int n) {
      Row row = shared().execute("SELECT $1::int8 * 2, $2::text", n, "n" + n).fetchOne();
      check(2L * n, row.getLong(0));
      check("n" + n, row.getString(1));
    }

    private void stream(int rows) {
      long sum;
      try (Stream<Row> stream =
          shared()
              .cursor()
              .fetchSize(100)
              .execute("SELECT g FROM generate_series(1, $1) g", rows)
              .stream()) {
        sum = stream.mapToLong(row -> row.getLong(0)).sum();
      }
      check((long) rows * (rows + 1) / 2, sum);
    }

    private void transaction(int worker, int n) {
      poolRequests.incrementAndGet();
      try (Connection conn = pool.connection()) {
        long count =
            conn.inTransaction(
                c -> {
                  c.execute("INSERT INTO soak_items VALUES ($1, $2)", worker, n);
                  return c.execute(
                          "SELECT count(*) FROM soak_items WHERE worker = $1 AND n = $2", worker, n)
                      .fetchOne()
                      .getLong(0);
                });
        if (count < 1) {
          throw new AssertionError("the transaction did not see its own row");
        }
      }
    }

    private void timeout() {
      try {
        shared().execute(Query.of("SELECT pg_sleep(5)").withTimeout(Duration.ofMillis(50)));
      } catch (QueryCanceled expected) {
        return;
      }
      throw new AssertionError("pg_sleep(5) outlived a 50 ms timeout");
    }

    private void async(int n) {
      CompletableFuture<Long> answer =
          shared()
              .async()
              .execute("SELECT $1::int8 + 1", n)
              .thenCompose(AsyncCursor::fetchOne)
              .thenApply(row -> row.getLong(0));
      try {
        check(n + 1L, answer.get(60, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new AssertionError("async failure: " + e.getCause(), e.getCause());
      } catch (InterruptedException | TimeoutException e) {
        throw new AssertionError("async: no answer in 60 s; " + driverThreads(), e);
      }
    }

    private void pooled(int n) {
      poolRequests.incrementAndGet();
      check(n - 1L, pool.execute("SELECT $1::int8 - 1", n).fetchOne().getLong(0));
    }

    /** What the driver's threads are doing, to tell why an answer never came. */
    static String driverThreads() {
      StringBuilder dump = new StringBuilder("driver threads:");
      Thread.getAllStackTraces()
          .forEach(
              (thread, stack) -> {
                if (thread.getName().startsWith("tusk-")) {
                  dump.append("\n").append(thread.getName()).append(' ').append(thread.getState());
                  for (StackTraceElement frame : stack) {
                    dump.append("\n    at ").append(frame);
                  }
                }
              });
      return dump.toString();
    }

    private static void check(Object expected, Object actual) {
      if (!expected.equals(actual)) {
        throw new AssertionError("expected " + expected + ", got " + actual);
      }
    }
  }
}
