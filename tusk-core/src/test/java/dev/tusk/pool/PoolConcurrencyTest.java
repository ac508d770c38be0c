package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool under contention, over fake connections: exclusive use, FIFO waiters, timeouts, the
 * waiting limit, shared one-shot statements, and close while busy.
 */
class PoolConcurrencyTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final FakeServer server = new FakeServer();

  private ConnectionPool pool(PoolOptions.Builder options) {
    ConnectionPool pool = new ConnectionPool(server, options.build());
    pool.waitReady(PATIENCE);
    return pool;
  }

  @Test
  void tenThousandVirtualThreadsShareTenConnectionsExclusively() throws Exception {
    assertExclusiveUnderLoad(Executors.newVirtualThreadPerTaskExecutor(), 10_000);
  }

  @Test
  void platformThreadsShareConnectionsExclusively() throws Exception {
    assertExclusiveUnderLoad(Executors.newFixedThreadPool(32), 5_000);
  }

  private void assertExclusiveUnderLoad(ExecutorService executor, int tasks) throws Exception {
    Map<Integer, AtomicInteger> users = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    try (ConnectionPool pool = pool(PoolOptions.builder().size(10, 10).timeout(PATIENCE));
        executor) {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        results.add(
            executor.submit(
                () -> {
                  try (Connection connection = pool.connection()) {
                    AtomicInteger using =
                        users.computeIfAbsent(
                            connection.info().backendPid(), pid -> new AtomicInteger());
                    if (using.incrementAndGet() != 1) {
                      overlaps.incrementAndGet();
                    }
                    Thread.yield();
                    using.decrementAndGet();
                  }
                }));
      }
      for (Future<?> result : results) {
        result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
      assertEquals(0, overlaps.get());
      assertEquals(10, server.opened.size());
      assertEquals(tasks, pool.stats().get("requests_num"));
      assertEquals(10, pool.stats().get("pool_available"));
      assertEquals(0, pool.stats().get("requests_errors"));
    }
  }

  @Test
  void waitersAreServedInArrivalOrder() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      List<Integer> served = new CopyOnWriteArrayList<>();
      List<Thread> threads = new ArrayList<>();
      Connection held = pool.connection();
      for (int i = 0; i < 6; i++) {
        int me = i;
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try (Connection connection = pool.connection()) {
                        served.add(me);
                      }
                    }));
        Polling.await("waiter " + i + " queued", PATIENCE, () -> waiting(pool) == me + 1);
      }
      held.close();
      for (Thread thread : threads) {
        thread.join(PATIENCE);
      }
      assertEquals(List.of(0, 1, 2, 3, 4, 5), served);
    }
  }

  @Test
  void aRequestTimesOutWithPoolTimeout() {
    try (ConnectionPool pool = pool(PoolOptions.builder().name("tiny").size(1, 1));
        Connection held = pool.connection()) {
      PoolTimeout error =
          assertThrows(PoolTimeout.class, () -> pool.connection(Duration.ofMillis(30)));
      var stats = pool.stats();
      assertTrue(error.getMessage().startsWith("no connection from pool tiny within"));
      assertTrue(error.isRetrySafe());
      assertEquals(1, stats.get("requests_errors"), stats::toString);
      assertEquals(1, stats.get("requests_queued"), stats::toString);
      assertTrue(stats.get("requests_wait_ms") >= 20, stats::toString);
      assertEquals(0, stats.get("requests_waiting"), stats::toString);
    }
  }

  @Test
  void requestsBeyondMaxWaitingAreRefusedAtOnce() throws Exception {
    try (ConnectionPool pool =
        pool(PoolOptions.builder().size(1, 1).maxWaiting(1).timeout(PATIENCE))) {
      Connection held = pool.connection();
      Thread waiter = Thread.ofVirtual().start(() -> pool.connection().close());
      Polling.await("one waiter", PATIENCE, () -> waiting(pool) == 1);
      TooManyRequests error = assertThrows(TooManyRequests.class, pool::connection);
      assertTrue(error.getMessage().contains("1 requests waiting"), error.getMessage());
      held.close();
      waiter.join(PATIENCE);
      assertTrue(!waiter.isAlive());
    }
  }

  @Test
  void oneShotStatementsShareConnections() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(2, 2));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      server.opened.forEach(fake -> fake.statementNanos = 200_000);
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(
            executor.submit(
                () -> {
                  for (int j = 0; j < 20; j++) {
                    pool.execute("SELECT $1", j);
                  }
                }));
      }
      for (Future<?> result : results) {
        result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
      int statements = server.opened.stream().mapToInt(fake -> fake.statements.get()).sum();
      int most = server.opened.stream().mapToInt(fake -> fake.mostInFlight.get()).max().orElse(0);
      assertEquals(64 * 20, statements);
      assertTrue(most > 1, "statements never shared a connection");
      assertEquals(2, pool.stats().get("pool_available"));
    }
  }

  @Test
  void aConnectionServingOneShotsIsNotLentUntilTheyEnd() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      FakeConnection fake = server.opened.get(0);
      fake.statementNanos = TimeUnit.MILLISECONDS.toNanos(200);
      Thread oneShot = Thread.ofVirtual().start(() -> pool.execute("SELECT pg_sleep(0.2)"));
      Polling.await("the one-shot runs", PATIENCE, () -> fake.inFlight.get() == 1);
      try (Connection connection = pool.connection()) {
        assertEquals(0, fake.inFlight.get(), "lent while a one-shot ran on it");
      }
      oneShot.join(PATIENCE);
    }
  }

  @Test
  void closeFailsWaitersAndClosesLentConnectionsAfterTheTimeout() throws Exception {
    ConnectionPool pool =
        pool(PoolOptions.builder().name("closing-unit").size(1, 1).timeout(PATIENCE));
    Connection held = pool.connection();
    Future<?> waiter;
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      waiter = executor.submit(() -> pool.connection().close());
      Polling.await("one waiter", PATIENCE, () -> waiting(pool) == 1);
      pool.close(Duration.ofMillis(50));
    }
    ExecutionException failed = assertThrows(ExecutionException.class, waiter::get);
    assertInstanceOf(PoolClosed.class, failed.getCause());
    assertTrue(server.opened.get(0).closed, "the lent connection was closed by force");
    held.close();
    assertEquals(0, server.open());
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().equals("tusk-pool-closing-unit")));
  }

  @Test
  void closeWaitsForALentConnectionGivenBackInTime() throws Exception {
    ConnectionPool pool = pool(PoolOptions.builder().size(1, 1));
    Connection held = pool.connection();
    Thread closer = Thread.ofVirtual().start(() -> pool.close(PATIENCE));
    Polling.await("closing began", PATIENCE, pool::closed);
    assertTrue(!server.opened.get(0).closed, "closed while lent, before the timeout");
    held.close();
    closer.join(PATIENCE);
    assertTrue(server.opened.get(0).closed);
  }

  private static long waiting(Pool pool) {
    return pool.stats().get("requests_waiting");
  }
}
