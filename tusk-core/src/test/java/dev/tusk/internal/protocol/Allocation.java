package dev.tusk.internal.protocol;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Heap allocated by the calling thread, to prove that the reader did not allocate a body. Read
 * through the platform MBean server: the module under test does not read {@code jdk.management},
 * whose {@code com.sun.management.ThreadMXBean} has the same figure.
 */
public final class Allocation {

  private Allocation() {}

  /** Bytes the current thread has allocated since it started. */
  public static long ofThisThread() {
    try {
      return (Long)
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME),
                  "CurrentThreadAllocatedBytes");
    } catch (JMException e) {
      throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
    }
  }
}
