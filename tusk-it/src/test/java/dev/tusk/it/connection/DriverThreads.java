package dev.tusk.it.connection;

import java.time.Duration;
import java.util.List;

/** The platform threads Tusk starts, all named {@code tusk-...}, seen from the tests. */
final class DriverThreads {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private DriverThreads() {}

  /** The names of the live platform threads whose name starts with {@code prefix}. */
  static List<String> named(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .sorted()
        .toList();
  }

  /**
   * Polls until at most {@code limit} threads named {@code prefix...} are alive or {@code timeout}
   * passes; returns the names still alive at the end.
   */
  static List<String> awaitAtMost(String prefix, int limit, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> alive = named(prefix);
    while (alive.size() > limit && System.nanoTime() < deadline) {
      Thread.sleep(POLL_INTERVAL);
      alive = named(prefix);
    }
    return alive;
  }
}
