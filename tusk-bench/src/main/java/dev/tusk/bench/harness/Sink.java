package dev.tusk.bench.harness;

/**
 * Takes every value a benchmark reads, so that the JIT cannot drop the reading, and folds them into
 * a checksum that is published once per run. Hashing is cheap and the same for every driver. One
 * sink per thread: it is not thread-safe.
 */
public final class Sink {

  /** Written once per run and never read: a store the JIT must keep. */
  private static volatile long published;

  private long sum;

  /** Takes a long. */
  public void take(long value) {
    sum = sum * 31 + value;
  }

  /** Takes a double. */
  public void take(double value) {
    take(Double.doubleToRawLongBits(value));
  }

  /** Takes a boolean. */
  public void take(boolean value) {
    take(value ? 1L : 0L);
  }

  /** Takes an object (null counts as 0). */
  public void take(Object value) {
    take(value == null ? 0L : value.hashCode());
  }

  /** Publishes the checksum where the JIT cannot see it unused. */
  public void publish() {
    published = sum;
  }
}
