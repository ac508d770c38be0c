package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Lifetimes spread over the last 10%; backoff doubles, caps at 30 s and stays within ±10%. */
class JitterTest {

  @Property
  void lifetimeIsUpToTenPercentShorter(
      @ForAll @LongRange(min = 1_000, max = Long.MAX_VALUE / 4) long max,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    long lifetime = Jitter.lifetime(max, random);
    assertTrue(lifetime <= max && lifetime >= max - max / 10 - 1, () -> lifetime + " of " + max);
  }

  @Property
  void backoffIsTheDoubledDelayWithinTenPercent(
      @ForAll @LongRange(min = 1_000_000, max = 60_000_000_000L) long initial,
      @ForAll @IntRange(min = 1, max = 100) int failures,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    double base = Math.min(initial * Math.pow(2, failures - 1), Jitter.MAX_BACKOFF_NANOS);
    long delay = Jitter.backoff(initial, failures, random);
    assertTrue(Math.abs(delay - base) <= base * 0.1 + 1, () -> delay + " vs " + base);
  }

  @Test
  void backoffDoublesFromTheInitialDelay() {
    assertEquals(100, Jitter.backoff(100, 1, 0.5));
    assertEquals(200, Jitter.backoff(100, 2, 0.5));
    assertEquals(800, Jitter.backoff(100, 4, 0.5));
    assertEquals(Jitter.MAX_BACKOFF_NANOS, Jitter.backoff(100, 1_000, 0.5));
  }
}
