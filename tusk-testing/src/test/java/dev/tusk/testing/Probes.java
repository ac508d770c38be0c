package dev.tusk.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventStatistics;

/**
 * Runs a probe test class (a static nested class, which Surefire does not run by itself) on the
 * Jupiter engine, to check what extensions do before and after it.
 */
final class Probes {

  private Probes() {}

  /** Runs {@code probe}; fails with the probe's own failure if one of its tests failed. */
  static EngineExecutionResults run(Class<?> probe) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(probe)).execute();
    results.allEvents().failed().stream().findFirst().ifPresent(Probes::rethrow);
    return results;
  }

  /** Runs {@code probe} and checks its test statistics. */
  static void run(Class<?> probe, Consumer<EventStatistics> statistics) {
    run(probe).testEvents().assertStatistics(statistics);
  }

  private static void rethrow(Event failed) {
    Throwable cause =
        failed
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElse(null);
    throw new AssertionError("probe failed: " + failed.getTestDescriptor().getDisplayName(), cause);
  }
}
