package dev.tusk.bench.harness;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes allocated by every thread of this JVM, through {@code
 * com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes} (JDK 14+). Counting all threads
 * includes a driver's own I/O or event-loop threads, which a per-thread count would miss.
 */
public final class Allocation {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocation() {}

  /** How the count is taken, for the report. */
  public static String method() {
    return "com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes (all threads of the JVM,"
        + " so a driver's own threads count too)";
  }

  /** Total bytes allocated so far; subtract two readings to get the bytes allocated between. */
  public static long totalBytes() {
    return THREADS.getTotalThreadAllocatedBytes();
  }
}
