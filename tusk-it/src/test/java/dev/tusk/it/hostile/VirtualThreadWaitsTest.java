package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Tusk;
import dev.tusk.errors.AdminShutdown;
import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.ConnectionFailure;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Virtual threads wait for the server in the process's shared poller rather than in a selector of
 * their own: every way a wait can end (an answer, the user's close, the server's, a dead link with
 * a deadline) ends it promptly and leaves no socket or thread behind.
 */
@TuskTest
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class VirtualThreadWaitsTest {

  /** A statement that keeps its caller waiting long enough to be parked in the poller. */
  private static final String SLOW = "SELECT pg_sleep(30)";

  private static <T> CompletableFuture<T> onVirtualThread(Supplier<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                result.complete(call.get());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  private static Throwable failureOf(CompletableFuture<?> call) throws Exception {
    try {
      call.get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  /** Waits until the server shows {@code pid} running {@code SLOW}, so its caller waits. */
  private static void awaitRunning(Connection observer, int pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      boolean running =
          observer
                  .execute(
                      "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND query = $2"
                          + " AND state = 'active'",
                      pid,
                      SLOW)
                  .fetchOne()
                  .getLong(0)
              == 1;
      if (running) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the statement never started");
  }

  @Test
  void connectionsUsedFromVirtualThreadsAnswerAndLeaveNothingBehind(PostgresServer server)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    List<CompletableFuture<Long>> sums = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Connection conn = Tusk.connect(server.conninfo());
        connections.add(conn);
        sums.add(
            onVirtualThread(
                () -> {
                  long sum = 0;
                  for (int n = 1; n <= 50; n++) {
                    // Each answer comes after a pause, so the caller waits in the poller.
                    sum +=
                        conn.execute("SELECT $1::int8 FROM pg_sleep(0.001)", n)
                            .fetchOne()
                            .getLong(0);
                  }
                  return sum;
                }));
      }
      for (CompletableFuture<Long> sum : sums) {
        assertEquals(50 * 51 / 2, sum.get(30, TimeUnit.SECONDS));
      }
    } finally {
      connections.forEach(Connection::close);
    }
  }

  @Test
  void closingTheConnectionEndsAVirtualThreadsWait(PostgresServer server) throws Exception {
    try (Connection observer = Tusk.connect(server.conninfo())) {
      Connection conn = Tusk.connect(server.conninfo());
      CompletableFuture<Object> call = onVirtualThread(() -> conn.execute(SLOW).fetchOne());
      awaitRunning(observer, conn.info().backendPid());
      conn.close();
      assertInstanceOf(ConnectionDoesNotExist.class, failureOf(call));
    }
  }

  @Test
  void theServerEndingTheConnectionEndsAVirtualThreadsWait(PostgresServer server) throws Exception {
    try (Connection observer = Tusk.connect(server.conninfo());
        Connection conn = Tusk.connect(server.conninfo())) {
      CompletableFuture<Object> call = onVirtualThread(() -> conn.execute(SLOW).fetchOne());
      int pid = conn.info().backendPid();
      awaitRunning(observer, pid);
      observer.execute("SELECT pg_terminate_backend($1)", pid);
      assertInstanceOf(AdminShutdown.class, failureOf(call));
      assertTrue(conn.closed());
    }
  }

  @Test
  void aDeadLinkEndsATimedWaitOfAVirtualThread(PostgresServer server) throws Exception {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn =
            Tusk.connect(server.conninfo() + " connect_timeout=2 " + proxy.conninfoOverride())) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      proxy.blackHole();
      CompletableFuture<Object> call =
          onVirtualThread(
              () -> conn.execute(Query.of("SELECT 2").withTimeout(Duration.ofSeconds(1))));
      Throwable error = failureOf(call);
      assertInstanceOf(ConnectionFailure.class, error);
      assertEquals("08006", ((ConnectionFailure) error).sqlState());
      assertTrue(conn.closed());
    }
  }
}
