package dev.tusk.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The wire trace, off (as by default), allocates nothing per message. */
class WireTraceCostTest {

  private static final int CALLS = 200_000;

  @Test
  void offAllocatesNothing() {
    byte[] sync = {'S', 0, 0, 0, 4};
    run(sync);
    long before = Allocation.ofThisThread();
    run(sync);
    long allocated = Allocation.ofThisThread() - before;
    assertTrue(allocated < 16_384, allocated + " bytes allocated by " + CALLS + " messages");
  }

  private static void run(byte[] message) {
    for (int i = 0; i < CALLS; i++) {
      WireTrace.backend((byte) 'D', 20);
      WireTrace.frontend(message, 0);
      WireTrace.untyped("StartupMessage", 80);
    }
  }
}
