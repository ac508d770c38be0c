package dev.tusk.pool;

/**
 * The randomized durations of a pool, as pure functions of a random number in [0, 1): so that
 * connections opened together do not expire together, and clients do not reconnect in lockstep.
 */
final class Jitter {

  /** The longest wait between two connection attempts. */
  static final long MAX_BACKOFF_NANOS = 30_000_000_000L;

  private static final double SPREAD = 0.1;

  private Jitter() {}

  /** A connection's lifetime: {@code maxLifetime} less 0 to 10%. */
  static long lifetime(long maxLifetimeNanos, double random) {
    return maxLifetimeNanos - (long) (maxLifetimeNanos * SPREAD * random);
  }

  /**
   * The wait after {@code failures} (1 or more) failed attempts in a row: {@code initial} doubled
   * for each failure after the first, capped at {@link #MAX_BACKOFF_NANOS}, then ±10%.
   */
  static long backoff(long initialNanos, int failures, double random) {
    int doublings = Math.min(Math.max(failures - 1, 0), 40);
    long base = initialNanos;
    for (int i = 0; i < doublings && base < MAX_BACKOFF_NANOS; i++) {
      base *= 2;
    }
    base = Math.min(base, MAX_BACKOFF_NANOS);
    return base + (long) (base * SPREAD * (2 * random - 1));
  }
}
