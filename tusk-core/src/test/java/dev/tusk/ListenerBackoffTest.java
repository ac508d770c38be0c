package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The listener's reconnection delay: doubling, capped, jittered down by up to half. */
class ListenerBackoffTest {

  private static final Duration INITIAL = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void theDelayDoublesPerAttemptUpToTheCapWithJitter() {
    for (int attempt = 0; attempt < 100; attempt++) {
      long full =
          Math.min(MAX.toNanos(), attempt >= 30 ? Long.MAX_VALUE : INITIAL.toNanos() << attempt);
      boolean variedWithin = false;
      long first = -1;
      for (int draw = 0; draw < 50; draw++) {
        long delay = Listener.backoff(INITIAL, MAX, attempt).toNanos();
        assertTrue(delay >= full / 2 && delay <= full, attempt + ": " + delay + " of " + full);
        variedWithin |= first >= 0 && delay != first;
        first = first < 0 ? delay : first;
      }
      assertTrue(variedWithin, "jittered at attempt " + attempt);
    }
  }
}
