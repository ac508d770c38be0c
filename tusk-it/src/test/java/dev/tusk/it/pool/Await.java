package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Bounded polling and thread listings for the pool tests. */
final class Await {

  static final Duration PATIENCE = Duration.ofSeconds(10);

  private Await() {}

  /** Polls every 10 ms until {@code condition} holds; fails the test after ten seconds. */
  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting until " + what);
      }
    }
  }

  /** The names of live platform threads starting with {@code prefix}. */
  static List<String> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .sorted()
        .toList();
  }
}
