package dev.tusk.it.hostile;

import java.lang.management.ManagementFactory;

/**
 * Heap allocated by every thread of this JVM, to show that the driver's reader thread did not
 * allocate what a hostile header announced. Coarse (other threads count too), so tests compare it
 * with amounts far apart: megabytes against a gibibyte.
 */
final class Allocated {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocated() {}

  /** Bytes allocated by all threads since the JVM started, including threads that ended. */
  static long byAllThreads() {
    return THREADS.getTotalThreadAllocatedBytes();
  }
}
