package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * ConnectionPool under load against the real server: 10,000 virtual threads on 10 connections,
 * platform threads, shared one-shot statements, resize under load, close while busy. Each request
 * checks that it got its own answer.
 */
@TuskTest
class PoolLoadTest {

  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

  private static ConnectionPool pool(PostgresServer server, String name, int size) {
    PoolOptions options =
        PoolOptions.builder().name(name).size(size, size).timeout(LOAD_TIMEOUT).build();
    ConnectionPool pool = new ConnectionPool(server.conninfo(), options);
    pool.waitReady(Await.PATIENCE);
    return pool;
  }

  /** Runs {@code tasks} tasks on {@code executor}; each returns its answer to its own number. */
  private static void runAll(ExecutorService executor, int tasks, IntUnaryOperator task)
      throws Exception {
    try (executor) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        int mine = i;
        answers.add(executor.submit(() -> task.applyAsInt(mine)));
      }
      for (int i = 0; i < tasks; i++) {
        assertEquals(i, answers.get(i).get(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      }
    }
  }

  private static int askExclusively(ConnectionPool pool, int value) {
    try (Connection conn = pool.connection()) {
      return conn.execute("SELECT $1::int", value).fetchOne().getInt(0);
    }
  }

  @Test
  void tenThousandVirtualThreadsOnTenConnections(PostgresServer server) throws Exception {
    try (ConnectionPool pool = pool(server, "it-virtual", 10)) {
      runAll(Executors.newVirtualThreadPerTaskExecutor(), 10_000, i -> askExclusively(pool, i));
      assertEquals(10, pool.stats().get("pool_size"));
      assertEquals(10, pool.stats().get("connections_num"));
      assertEquals(0, pool.stats().get("requests_errors"));
    }
  }

  @Test
  void platformThreads(PostgresServer server) throws Exception {
    try (ConnectionPool pool = pool(server, "it-platform", 4)) {
      runAll(Executors.newFixedThreadPool(16), 2_000, i -> askExclusively(pool, i));
      assertEquals(0, pool.stats().get("requests_errors"));
    }
  }

  @Test
  void oneShotStatementsPipelineOverSharedConnections(PostgresServer server) throws Exception {
    try (ConnectionPool pool = pool(server, "it-shared", 8)) {
      runAll(
          Executors.newVirtualThreadPerTaskExecutor(),
          6_400,
          i -> pool.execute("SELECT $1::int", i).fetchOne().getInt(0));
      var stats = pool.stats();
      assertEquals(0, stats.get("requests_queued"), "a one-shot waited for a connection");
      assertEquals(8, stats.get("pool_size"));
      assertEquals(6_400, stats.get("requests_num"));
    }
  }

  @Test
  void resizeUnderLoad(PostgresServer server) throws Exception {
    try (ConnectionPool pool = pool(server, "it-resize", 2)) {
      AtomicBoolean resizing = new AtomicBoolean(true);
      Thread resizer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    pool.resize(6, 6);
                    pool.waitReady(Await.PATIENCE);
                    pool.resize(1, 3);
                    resizing.set(false);
                  });
      AtomicInteger done = new AtomicInteger();
      runAll(
          Executors.newVirtualThreadPerTaskExecutor(),
          3_000,
          i -> {
            done.incrementAndGet();
            return i % 2 == 0
                ? askExclusively(pool, i)
                : pool.execute("SELECT $1::int", i).fetchOne().getInt(0);
          });
      resizer.join(Await.PATIENCE);
      assertTrue(!resizing.get(), "resize did not finish");
      assertTrue(pool.stats().get("pool_size") <= 3, pool.stats()::toString);
      assertEquals(0, pool.stats().get("requests_errors"));
    }
  }

  @Test
  void closeWaitsForBusyConnectionsAndLeavesNoThreads(PostgresServer server) throws Exception {
    ConnectionPool pool = pool(server, "it-close-busy", 2);
    List<String> pids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      pids.add("tusk-" + pool.withConnection(conn -> conn.info().backendPid()) + "@");
    }
    Connection busy = pool.connection();
    Thread worker =
        Thread.ofVirtual()
            .start(
                () -> {
                  busy.execute("SELECT pg_sleep(0.3)");
                  busy.close();
                });
    long start = System.nanoTime();
    pool.close(Duration.ofSeconds(5));
    worker.join(Await.PATIENCE);
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250), "did not wait");
    assertEquals(List.of(), Await.threads("tusk-pool-it-close-busy"));
    for (String prefix : pids) {
      Await.until("threads " + prefix + " end", () -> Await.threads(prefix).isEmpty());
    }
  }
}
