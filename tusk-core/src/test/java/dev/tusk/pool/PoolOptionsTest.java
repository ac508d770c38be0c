package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Pool options: defaults, validation naming the option at fault, and the builder round trip. */
class PoolOptionsTest {

  @Test
  void defaultsAreFourConnectionsAndThirtySeconds() {
    PoolOptions options = PoolOptions.defaults();
    assertEquals(4, options.minSize());
    assertEquals(4, options.maxSize());
    assertEquals(Duration.ofSeconds(30), options.timeout());
    assertEquals(Duration.ofHours(1), options.maxLifetime());
    assertFalse(options.detectsLeaks());
    assertTrue(options.openOnCreate());
  }

  @Test
  void maxSizeFollowsMinSizeUnlessSet() {
    assertEquals(7, PoolOptions.builder().minSize(7).build().maxSize());
    assertEquals(1, PoolOptions.builder().minSize(0).build().maxSize());
    assertEquals(9, PoolOptions.builder().size(2, 9).build().maxSize());
  }

  @Property
  void sizesAreValidExactlyWhenOrdered(
      @ForAll @IntRange(min = -3, max = 20) int min,
      @ForAll @IntRange(min = -3, max = 20) int max) {
    boolean valid = min >= 0 && max >= 1 && max >= min;
    if (valid) {
      assertEquals(max, PoolOptions.builder().size(min, max).build().maxSize());
    } else {
      IllegalArgumentException error =
          assertThrows(
              IllegalArgumentException.class, () -> PoolOptions.builder().size(min, max).build());
      assertTrue(error.getMessage().contains("Size"), error.getMessage());
    }
  }

  @Test
  void badDurationsNameTheOption() {
    assertMessage("timeout", PoolOptions.builder().timeout(Duration.ZERO));
    assertMessage("maxIdle", PoolOptions.builder().maxIdle(Duration.ofSeconds(-1)));
    assertMessage("maxLifetime", PoolOptions.builder().maxLifetime(Duration.ZERO));
    assertMessage("reconnectTimeout", PoolOptions.builder().reconnectTimeout(Duration.ZERO));
    assertMessage("reconnectDelay", PoolOptions.builder().reconnectDelay(Duration.ZERO));
    assertMessage("leakThreshold", PoolOptions.builder().leakThreshold(Duration.ofMillis(-1)));
    assertMessage("maxWaiting", PoolOptions.builder().maxWaiting(-1));
    assertMessage("name", PoolOptions.builder().name(" "));
  }

  @Test
  void toBuilderKeepsEveryOption() {
    PoolOptions options =
        PoolOptions.builder()
            .name("p")
            .size(1, 3)
            .timeout(Duration.ofSeconds(2))
            .maxWaiting(5)
            .leakThreshold(Duration.ofSeconds(9))
            .configure(c -> {})
            .openOnCreate(false)
            .build();
    assertEquals(options, options.toBuilder().build());
    assertTrue(options.detectsLeaks());
  }

  private static void assertMessage(String option, PoolOptions.Builder builder) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(error.getMessage().startsWith(option), error.getMessage());
  }
}
