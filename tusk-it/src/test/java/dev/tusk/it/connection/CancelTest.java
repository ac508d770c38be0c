package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a running statement against the real server, with {@link Connection#cancel()} and by
 * interrupting the waiting thread; the connection stays usable.
 */
@Tag("versions")
@TuskTest
class CancelTest {

  private static final String SLEEP = "SELECT pg_sleep(30)";
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void cancelStopsAStatementRunningInAnotherThread(Connection conn, Connection observer)
      throws Exception {
    FutureTask<Object> sleeping = new FutureTask<>(() -> conn.execute(SLEEP).fetchOne());
    Thread.ofPlatform().name("cancel-test-sleeper").start(sleeping);
    Backends.awaitActive(observer, conn.info().backendPid(), "pg_sleep");

    long start = System.nanoTime();
    conn.cancel();
    ExecutionException failed =
        assertThrows(
            ExecutionException.class, () -> sleeping.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    QueryCanceled canceled = assertInstanceOf(QueryCanceled.class, failed.getCause());
    assertEquals("57014", canceled.sqlState());
    assertTrue(took.compareTo(PROMPTLY) < 0, "took " + took);
    assertUsable(conn);
  }

  @Test
  void cancelWithNothingRunningIsHarmless(Connection conn) {
    conn.cancel();
    assertUsable(conn);
  }

  @Test
  void interruptingAVirtualThreadCancelsItsStatement(Connection conn, Connection observer)
      throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    Thread sleeper =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    conn.execute(SLEEP);
                  } catch (RuntimeException e) {
                    failure.set(e);
                  }
                  interruptedAfter.set(Thread.currentThread().isInterrupted());
                });
    Backends.awaitActive(observer, conn.info().backendPid(), "pg_sleep");

    sleeper.interrupt();

    assertTrue(sleeper.join(PROMPTLY), "the interrupted thread is still waiting");
    assertInstanceOf(QueryCanceled.class, failure.get());
    assertTrue(interruptedAfter.get(), "the interrupt flag was not restored");
    assertUsable(conn);
  }

  @Test
  void interruptingAQueuedRequestLeavesTheRunningOneAlone(Connection conn, Connection observer)
      throws Exception {
    FutureTask<Object> running =
        new FutureTask<>(() -> conn.execute("SELECT pg_sleep(1), 'first'").fetchOne().get(1));
    Thread.ofPlatform().name("cancel-test-first").start(running);
    Backends.awaitActive(observer, conn.info().backendPid(), "pg_sleep");

    AtomicReference<Object> queuedResult = new AtomicReference<>();
    AtomicReference<Throwable> queuedFailure = new AtomicReference<>();
    Thread queued =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    queuedResult.set(conn.execute("SELECT 42").fetchOne().getInt(0));
                  } catch (RuntimeException e) {
                    queuedFailure.set(e);
                  }
                });
    queued.interrupt();

    assertEquals("first", running.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    assertTrue(queued.join(PROMPTLY), "the queued request never finished");
    assertNull(queuedFailure.get());
    assertEquals(42, queuedResult.get());
    assertUsable(conn);
  }

  private static void assertUsable(Connection conn) {
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }
}
