package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.errors.AdminShutdown;
import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.OperationalError;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing against the real server: by the user (twice, then using it, or while another thread
 * waits) and by the server ({@code pg_terminate_backend}), which must end the connection and its
 * threads.
 */
@TuskTest
class CloseTest {

  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void closingTwiceIsFine(Connection conn) {
    conn.close();
    conn.close();
    assertTrue(conn.closed());
  }

  @Test
  void useAfterCloseIsConnectionDoesNotExist(Connection conn) {
    conn.close();
    ConnectionDoesNotExist error =
        assertThrows(ConnectionDoesNotExist.class, () -> conn.execute("SELECT 1"));
    assertEquals("08003", error.sqlState());
    assertTrue(error.getMessage().contains("closed"), error.getMessage());
    assertThrows(ConnectionDoesNotExist.class, () -> conn.cursor().execute("SELECT $1", 1));
    assertTrue(conn.closed());
  }

  @Test
  void closeEndsTheConnectionsThreads(Connection conn) throws InterruptedException {
    String prefix = "tusk-" + conn.info().backendPid() + "@";
    assertEquals(1, DriverThreads.named(prefix).size(), "the I/O thread");
    conn.close();
    assertEquals(List.of(), DriverThreads.awaitAtMost(prefix, 0, PROMPTLY));
  }

  @Test
  void backendKilledByTheServerFailsTheNextCall(Connection conn, Connection observer)
      throws InterruptedException {
    int pid = conn.info().backendPid();
    assertTrue(Backends.terminate(observer, pid));
    Backends.awaitGone(observer, pid);

    OperationalError error = assertThrows(OperationalError.class, () -> conn.execute("SELECT 1"));

    assertTrue(
        error instanceof ConnectionFailure || error instanceof AdminShutdown,
        () -> "expected 08006 or 57P01, got " + error.getClass().getName() + ": " + error);
    assertTrue(Set.of("08006", "57P01").contains(error.sqlState()), error.sqlState());
    assertTrue(
        error.getMessage().contains("terminating connection")
            || error.getMessage().contains("lost"),
        error.getMessage());
    assertTrue(conn.closed());
    assertEquals(List.of(), DriverThreads.awaitAtMost("tusk-" + pid + "@", 0, PROMPTLY));
  }

  @Test
  void closeFailsAStatementAnotherThreadWaitsFor(Connection conn, Connection observer)
      throws Exception {
    int pid = conn.info().backendPid();
    FutureTask<Object> sleeping =
        new FutureTask<>(() -> conn.execute("SELECT pg_sleep(30)").fetchOne());
    Thread.ofPlatform().name("close-test-sleeper").start(sleeping);
    Backends.awaitActive(observer, pid, "pg_sleep");
    try {
      long start = System.nanoTime();
      conn.close();
      ExecutionException failed =
          assertThrows(
              ExecutionException.class, () -> sleeping.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      TuskException error = assertInstanceOf(ConnectionDoesNotExist.class, failed.getCause());
      assertTrue(error.getMessage().contains("closed"), error.getMessage());
      assertTrue(took.compareTo(PROMPTLY) < 0, "took " + took);
      assertTrue(conn.closed());
    } finally {
      // The server finds out about the closed socket only after the sleep; do not wait for that.
      Backends.terminate(observer, pid);
    }
  }

  @Test
  void closeDoesNotWaitForAnotherThreadsTransactionBlock(Connection conn, Connection observer)
      throws Exception {
    int pid = conn.info().backendPid();
    FutureTask<Object> sleeping =
        new FutureTask<>(
            () -> {
              try (Transaction block = conn.transaction()) {
                return conn.execute("SELECT pg_sleep(30)").fetchOne();
              }
            });
    Thread.ofPlatform().name("close-test-block").start(sleeping);
    Backends.awaitActive(observer, pid, "pg_sleep");
    try {
      FutureTask<Void> closing = new FutureTask<>(() -> conn.close(), null);
      Thread.ofPlatform().name("close-test-closer").start(closing);

      closing.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
      ExecutionException failed =
          assertThrows(
              ExecutionException.class, () -> sleeping.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
      assertInstanceOf(ConnectionDoesNotExist.class, failed.getCause());
      assertTrue(conn.closed());
    } finally {
      Backends.terminate(observer, pid);
    }
  }
}
