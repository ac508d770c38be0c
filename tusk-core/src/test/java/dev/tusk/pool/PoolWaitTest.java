package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.OperationalError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The waiting path of a loan, over fake connections: a connection handed straight to a waiter is
 * reset or replaced first, as one taken from the idle set is; deadlines end waits on time though
 * waiters park without a timeout; an interrupted waiter leaves; and timeouts racing hand-offs lose
 * no connection and keep the stats exact.
 */
class PoolWaitTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final FakeServer server = new FakeServer();

  private ConnectionPool pool(PoolOptions.Builder options) {
    ConnectionPool pool = new ConnectionPool(server, options.build());
    pool.waitReady(PATIENCE);
    return pool;
  }

  /** What a waiter saw of the connection it was handed. */
  private record Received(int pid, TransactionStatus status, boolean autocommit) {}

  /**
   * Requests a connection on a new thread and returns once it is queued; completes with what it got
   * once it has given the connection back.
   */
  private static CompletableFuture<Received> waiter(ConnectionPool pool, long queuedBefore) {
    CompletableFuture<Received> received = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Received seen;
                try (Connection connection = pool.connection()) {
                  seen =
                      new Received(
                          connection.info().backendPid(),
                          connection.info().transactionStatus(),
                          connection.autocommit());
                }
                received.complete(seen);
              } catch (Throwable e) {
                received.completeExceptionally(e);
              }
            });
    Polling.await(
        "the request queued",
        PATIENCE,
        () -> waiting(pool) == queuedBefore + 1 || received.isDone());
    return received;
  }

  @Test
  void aConnectionLeftInATransactionReachesTheWaiterRolledBack() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      FakeConnection fake = server.opened.get(0);
      Connection held = pool.connection();
      CompletableFuture<Received> next = waiter(pool, 0);
      held.setAutocommit(false);
      fake.status = TransactionStatus.IN_TRANSACTION;
      held.close();
      Received received = next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertEquals(new Received(fake.pid, TransactionStatus.IDLE, true), received);
      assertEquals(1, server.opened.size());
    }
  }

  @Test
  void aConnectionOpenedBySqlBeginReachesTheWaiterRolledBack() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      FakeConnection fake = server.opened.get(0);
      Connection held = pool.connection();
      CompletableFuture<Received> next = waiter(pool, 0);
      fake.status = TransactionStatus.IN_ERROR; // BEGIN sent as SQL, then a failed statement
      held.close();
      assertEquals(
          new Received(fake.pid, TransactionStatus.IDLE, true),
          next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      assertTrue(fake.statements.get() > 0, "a ROLLBACK was sent");
    }
  }

  @Test
  void aBrokenConnectionNeverReachesTheWaiter() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      FakeConnection broken = server.opened.get(0);
      Connection held = pool.connection();
      CompletableFuture<Received> next = waiter(pool, 0);
      broken.closed = true;
      held.close();
      Received received = next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertNotEquals(broken.pid, received.pid());
      assertEquals(1, pool.stats().get("connections_lost"));
    }
  }

  @Test
  void aResetHookFailureKeepsTheConnectionFromTheWaiter() throws Exception {
    AtomicInteger resets = new AtomicInteger();
    PoolOptions.Builder options =
        PoolOptions.builder()
            .size(1, 1)
            .timeout(PATIENCE)
            .reset(
                connection -> {
                  if (resets.incrementAndGet() == 1) {
                    throw new IllegalStateException("reset refused");
                  }
                });
    try (ConnectionPool pool = pool(options)) {
      FakeConnection first = server.opened.get(0);
      Connection held = pool.connection();
      CompletableFuture<Received> next = waiter(pool, 0);
      held.close();
      assertNotEquals(first.pid, next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).pid());
      assertTrue(first.closed);
    }
  }

  @Test
  void aShortTimeoutQueuedBehindLongWaitsEndsOnTime() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      Connection held = pool.connection();
      CompletableFuture<Received> patient = waiter(pool, 0); // arms the timer for 10 s
      long start = System.nanoTime();
      OperationalError error = assertTimesOut(() -> pool.connection(Duration.ofMillis(100)));
      long waited = System.nanoTime() - start;
      assertInstanceOf(PoolTimeout.class, error);
      assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(95), "waited " + waited);
      assertTrue(waited < TimeUnit.SECONDS.toNanos(3), "waited " + waited);
      assertTrue(!patient.isDone(), "the longer wait goes on");
      held.close();
      patient.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      Map<String, Long> stats = pool.stats();
      assertEquals(1, stats.get("requests_errors"), stats::toString);
      assertEquals(0, stats.get("requests_waiting"), stats::toString);
      assertEquals(1, stats.get("pool_available"), stats::toString);
    }
  }

  @Test
  void anInterruptedWaiterLeavesAndTheConnectionGoesToTheNext() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE))) {
      Connection held = pool.connection();
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      Thread interrupted =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Connection connection = pool.connection()) {
                      failure.complete(null);
                    } catch (Throwable e) {
                      failure.complete(
                          Thread.currentThread().isInterrupted() ? e : new AssertionError(e));
                    }
                  });
      Polling.await("the request queued", PATIENCE, () -> waiting(pool) == 1);
      CompletableFuture<Received> next = waiter(pool, 1);
      interrupted.interrupt();
      Throwable error = failure.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertInstanceOf(OperationalError.class, error);
      assertTrue(error.getMessage().contains("interrupted"), error.getMessage());
      held.close();
      next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertEquals(1, pool.stats().get("pool_available"));
      assertEquals(1, pool.stats().get("requests_errors"));
    }
  }

  /**
   * A fork-join worker that waits lets its pool start another worker, as a {@code
   * CompletableFuture.get} does: here the one worker waits for the connection that only a task
   * queued behind it gives back.
   */
  @Test
  void aForkJoinWorkerWaitsAsAManagedBlocker() throws Exception {
    try (ConnectionPool pool = pool(PoolOptions.builder().size(1, 1).timeout(PATIENCE));
        ForkJoinPool workers = new ForkJoinPool(1)) {
      Connection held = pool.connection();
      Future<?> waiting = workers.submit(() -> pool.connection().close());
      Polling.await("the worker queued", PATIENCE, () -> waiting(pool) == 1);
      Future<?> giving = workers.submit(held::close);
      giving.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertEquals(0, pool.stats().get("requests_errors"));
    }
  }

  /**
   * Many short timeouts against short loans, so that deadlines fall as connections are handed over:
   * no connection is lent twice or lost, and every request is counted once, as served or failed.
   */
  @Test
  void timeoutsRacingHandOffsLoseNoConnectionAndKeepStatsExact() throws Exception {
    int clients = 64;
    int size = 3;
    Map<Integer, AtomicInteger> users = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    AtomicInteger timedOut = new AtomicInteger();
    try (ConnectionPool pool = pool(PoolOptions.builder().size(size, size).timeout(PATIENCE))) {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      ThreadLocalRandom random = ThreadLocalRandom.current();
                      while (System.nanoTime() < end) {
                        Duration timeout = Duration.ofNanos(random.nextLong(50_000, 2_000_000));
                        try (Connection connection = pool.connection(timeout)) {
                          AtomicInteger using =
                              users.computeIfAbsent(
                                  connection.info().backendPid(), pid -> new AtomicInteger());
                          if (using.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                          }
                          if (random.nextBoolean()) {
                            Thread.yield();
                          } else {
                            LockSupport.parkNanos(random.nextLong(10_000, 300_000));
                          }
                          using.decrementAndGet();
                          served.incrementAndGet();
                        } catch (PoolTimeout e) {
                          timedOut.incrementAndGet();
                        }
                      }
                    }));
      }
      for (Thread thread : threads) {
        assertTrue(thread.join(PATIENCE), "a client finished");
      }
      Map<String, Long> stats = pool.stats();
      assertEquals(0, overlaps.get(), "connections lent twice at once");
      assertTrue(timedOut.get() > 0 && served.get() > 0, served + " served, " + timedOut);
      assertEquals(served.get() + timedOut.get(), stats.get("requests_num"), stats::toString);
      assertEquals(timedOut.get(), stats.get("requests_errors"), stats::toString);
      assertEquals(0, stats.get("requests_waiting"), stats::toString);
      assertEquals(size, stats.get("pool_size"), stats::toString);
      assertEquals(size, stats.get("pool_available"), stats::toString);
      assertEquals(size, server.opened.size());
      try (Connection again = pool.connection(Duration.ofSeconds(1))) {
        assertEquals(TransactionStatus.IDLE, again.info().transactionStatus());
      }
    }
  }

  private static OperationalError assertTimesOut(Runnable request) {
    try {
      request.run();
    } catch (OperationalError e) {
      return e;
    }
    throw new AssertionError("the request did not time out");
  }

  private static long waiting(Pool pool) {
    return pool.stats().get("requests_waiting");
  }
}
