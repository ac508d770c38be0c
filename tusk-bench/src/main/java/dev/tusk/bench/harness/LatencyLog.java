package dev.tusk.bench.harness;

import java.util.Arrays;

/** The latencies of one client's operations, in nanoseconds; not thread-safe. */
public final class LatencyLog {

  // Small to start: a thousand clients each allocate one as they begin, inside the timed window.
  private long[] nanos = new long[1 << 12];
  private int size;

  /** Records one operation's latency. */
  public void add(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  /** Appends all of {@code other}'s latencies to this log. */
  public void addAll(LatencyLog other) {
    if (size + other.size > nanos.length) {
      nanos = Arrays.copyOf(nanos, Math.max(size + other.size, size * 2));
    }
    System.arraycopy(other.nanos, 0, nanos, size, other.size);
    size += other.size;
  }

  /** The number of operations recorded. */
  public int size() {
    return size;
  }

  /**
   * The nearest-rank percentile {@code p} (0 < p ≤ 100) in microseconds; sorts the log. NaN when
   * empty.
   */
  public double percentileMicros(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    Arrays.sort(nanos, 0, size);
    int rank = (int) Math.ceil(p / 100 * size);
    return nanos[Math.clamp(rank - 1, 0, size - 1)] / 1_000.0;
  }
}
