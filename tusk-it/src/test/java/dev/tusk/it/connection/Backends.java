package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tusk.Connection;
import java.time.Duration;

/** Watches and ends server backends through a second connection, for tests of the first. */
final class Backends {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private Backends() {}

  /**
   * Polls {@code pg_stat_activity} until backend {@code pid} is active in a query containing {@code
   * fragment}; fails the test after ten seconds.
   */
  static void awaitActive(Connection observer, int pid, String fragment)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      long active =
          observer
              .execute(
                  "SELECT count(*) FROM pg_stat_activity"
                      + " WHERE pid = $1 AND state = 'active' AND strpos(query, $2) > 0",
                  pid,
                  fragment)
              .fetchOne()
              .getLong(0);
      if (active == 1) {
        return;
      }
      Thread.sleep(POLL_INTERVAL);
    }
    fail("backend " + pid + " never started running " + fragment);
  }

  /** Polls until backend {@code pid} has exited; fails the test after ten seconds. */
  static void awaitGone(Connection observer, int pid) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      long present =
          observer
              .execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", pid)
              .fetchOne()
              .getLong(0);
      if (present == 0) {
        return;
      }
      Thread.sleep(POLL_INTERVAL);
    }
    fail("backend " + pid + " is still there");
  }

  /** Ends backend {@code pid} as {@code pg_terminate_backend} does; returns whether it existed. */
  static boolean terminate(Connection observer, int pid) {
    return observer.execute("SELECT pg_terminate_backend($1)", pid).fetchOne().getBoolean(0);
  }
}
