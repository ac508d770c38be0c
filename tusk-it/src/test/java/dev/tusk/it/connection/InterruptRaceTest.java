package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Issue 15, defect 6: an interrupt that arrives while the statement is still on its way to the
 * server (its first CancelRequest then cancels nothing) must still end the call promptly, with
 * QueryCanceled and the flag restored, and leave the connection usable. Interrupts land at random
 * moments between a few microseconds and a few milliseconds after the call starts.
 */
@TuskTest
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class InterruptRaceTest {

  private static final int ROUNDS = 40;
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void anInterruptAtAnyMomentEndsTheCallWithQueryCanceled(Connection conn) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicBoolean flagRestored = new AtomicBoolean();
      Thread sleeper =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      conn.execute("SELECT pg_sleep(30)");
                    } catch (RuntimeException e) {
                      failure.set(e);
                    }
                    flagRestored.set(Thread.currentThread().isInterrupted());
                  });
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
      sleeper.interrupt();
      assertTrue(sleeper.join(PROMPTLY), "round " + round + ": the interrupted call still waits");
      assertInstanceOf(QueryCanceled.class, failure.get(), "round " + round);
      assertTrue(flagRestored.get(), "round " + round + ": the interrupt flag was lost");
      assertEquals(round, conn.execute("SELECT $1::int4", round).fetchOne().getInt(0));
    }
  }
}
