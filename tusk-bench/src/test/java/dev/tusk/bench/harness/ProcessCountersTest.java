package dev.tusk.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessCountersTest {

  @Test
  void aThreadThatEndedIsLostAndANewOneCountsFully() {
    ProcessCounters before =
        new ProcessCounters(Map.of("1", 100L, "2", 5_000L), 1_000, OptionalLong.of(0), 7);
    ProcessCounters after =
        new ProcessCounters(Map.of("1", 130L, "3", 12L), 5_000, OptionalLong.of(20_000), 10);

    ProcessCounters used = after.since(before);

    assertEquals(OptionalLong.of(42), used.contextSwitches());
    assertEquals(4_000, used.cpuNanos());
    assertEquals(OptionalLong.of(20_000), used.childCpuNanos());
    assertEquals(3, used.compileMillis());
  }

  @Test
  void perOperationDividesByTheOperations() {
    ProcessCounters used = new ProcessCounters(Map.of("1", 30L), 60_000, OptionalLong.empty(), 4);

    Sample sample = used.perOperation(Sample.of(Metric.OPS_PER_SECOND, 1), 10);

    assertEquals(3.0, sample.get(Metric.SWITCHES_PER_OP).getAsDouble());
    assertEquals(6.0, sample.get(Metric.CPU_MICROS_PER_OP).getAsDouble());
    assertEquals(4.0, sample.get(Metric.JIT_MILLIS).getAsDouble());
  }

  @Test
  void countsTheSwitchesOfAThreadThatSleeps() throws Exception {
    ProcessCounters before = ProcessCounters.read();
    Thread sleeper =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    // read while the sleeper still lives, or its switches leave with it
    Thread.sleep(Duration.ofMillis(5));
    ProcessCounters during = ProcessCounters.read();
    sleeper.join();

    if (during.contextSwitches().isPresent()) {
      assertTrue(during.since(before).contextSwitches().getAsLong() >= 1);
    }
    assertTrue(during.since(before).cpuNanos() >= 0);
  }

  @Test
  void thePlainLoopCountsOperationsWithoutLatencies() throws Exception {
    Sample sample =
        ClosedLoop.plain(sink -> sink.take(1L), Duration.ofMillis(50), Metric.OPS_PER_SECOND);

    assertTrue(sample.get(Metric.OPS_PER_SECOND).getAsDouble() > 1_000);
    assertTrue(sample.get(Metric.P50_MICROS).isEmpty());
    assertTrue(sample.get(Metric.CPU_MICROS_PER_OP).isPresent());
  }
}
