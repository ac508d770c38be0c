package dev.tusk.internal.client;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.protocol.Allocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tracing costs nothing when nothing listens: with no tracer and no JFR recording, starting and
 * ending a statement's trace allocates no memory at all.
 */
class TracingCostTest {

  private static final int CALLS = 200_000;

  @Test
  void noTracerAllocatesNothing() {
    Tracing tracing = new Tracing(null, null);
    List<Object[]> sets = List.<Object[]>of(new Object[] {1});
    List<StatementResult> results = List.of();
    run(tracing, sets, results); // loads and links everything first
    long before = Allocation.ofThisThread();
    run(tracing, sets, results);
    long allocated = Allocation.ofThisThread() - before;
    // One object per call would be over 3 MB; what is left is the measurement's own (the MBean
    // server's) noise.
    assertTrue(allocated < 16_384, allocated + " bytes allocated by " + CALLS + " traces");
  }

  private static void run(Tracing tracing, List<Object[]> sets, List<StatementResult> results) {
    for (int i = 0; i < CALLS; i++) {
      Tracing.Trace trace = tracing.start("SELECT $1", sets);
      assertNull(trace);
      tracing.succeeded(trace, results);
      tracing.failed(trace, null);
    }
  }
}
