package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.OperationalError;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The pool when the server goes away and comes back (through a {@link FaultProxy}, so the shared
 * server keeps running), and leak reports. Checks recovery, the error waiters get once reconnecting
 * times out, and that no thread or socket is left behind.
 */
@TuskTest
class PoolOutageTest {

  @Test
  void thePoolRecoversAfterTheServerComesBack(PostgresServer server) throws Exception {
    List<String> before = Await.threads("tusk-");
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
      PoolOptions options =
          PoolOptions.builder()
              .name("it-outage")
              .size(2, 4)
              .timeout(Duration.ofSeconds(20))
              .reconnectDelay(Duration.ofMillis(20))
              .reconnectTimeout(Duration.ofMillis(500))
              .build();
      try (ConnectionPool pool =
              new ConnectionPool(server.conninfo() + " " + proxy.conninfoOverride(), options);
          ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
        pool.waitReady(Await.PATIENCE);
        Connection busy = pool.connection();
        Future<?> running = executor.submit(() -> busy.execute("SELECT pg_sleep(5)"));
        proxy.cut();

        ExecutionException lost =
            assertThrows(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS));
        assertInstanceOf(OperationalError.class, lost.getCause());
        busy.close();
        // The idle connection's loss is noticed asynchronously: wait, or a waiter could be handed
        // it before the pool knows (and this work never touches the server).
        Await.until("the cut connections dropped", () -> pool.stats().get("pool_size") == 0L);
        List<Future<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          waiters.add(executor.submit(() -> pool.withConnection(conn -> 1)));
        }
        for (Future<Integer> waiter : waiters) {
          ExecutionException failed =
              assertThrows(ExecutionException.class, () -> waiter.get(10, TimeUnit.SECONDS));
          OperationalError error = assertInstanceOf(OperationalError.class, failed.getCause());
          assertTrue(
              error.getMessage().startsWith("pool it-outage could not connect for PT0.5S"),
              error.getMessage());
        }

        proxy.restore();
        Await.until("the pool reconnected", () -> pool.stats().get("pool_size") >= 2);
        assertEquals(
            42, (int) pool.withConnection(conn -> conn.execute("SELECT 42").fetchOne().getInt(0)));
        assertEquals(7, pool.execute("SELECT 7").fetchOne().getInt(0));
        assertTrue(pool.stats().get("connections_errors") > 0);
        assertTrue(pool.stats().get("connections_lost") >= 1);
      }
      Await.until("the proxy's sockets close", () -> proxy.openSockets() == 0);
    }
    Await.until("no thread is left behind", () -> before.containsAll(Await.threads("tusk-")));
  }

  @Test
  void aConnectionHeldTooLongIsReportedWithItsAcquiringStack(PostgresServer server) {
    Logger logger = Logger.getLogger("dev.tusk.pool");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord logRecord) {
            records.add(logRecord);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    PoolOptions options =
        PoolOptions.builder()
            .name("it-leaky")
            .size(1, 1)
            .leakThreshold(Duration.ofMillis(100))
            .build();
    try (ConnectionPool pool = new ConnectionPool(server.conninfo(), options);
        Connection held = pool.connection()) {
      Await.until("a leak report", () -> !records.isEmpty());
      LogRecord report = records.get(0);
      assertEquals(Level.WARNING, report.getLevel());
      assertTrue(report.getMessage().contains("pool it-leaky"), report.getMessage());
      assertTrue(
          List.of(report.getThrown().getStackTrace()).stream()
              .anyMatch(frame -> frame.getMethodName().startsWith("aConnectionHeldTooLong")),
          "the report shows where the connection was acquired");
      assertEquals(1, records.size(), "one report per loan");
    } finally {
      logger.removeHandler(handler);
    }
  }
}
