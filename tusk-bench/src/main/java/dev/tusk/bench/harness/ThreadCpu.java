package dev.tusk.bench.harness;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of each of the JVM's live threads ({@code ThreadMXBean#getThreadCpuTime}, to the
 * nanosecond, where the process's CPU time moves in scheduler ticks of 10 ms): the caller, a
 * driver's own I/O threads, GC workers and JIT compilers. {@link #since} sums each thread's change,
 * so that threads the JVM starts and ends (GC workers, compilers) never make it negative; a thread
 * that ends in between is lost with its last work, so the sum may undercount.
 *
 * @param nanosByThread CPU time so far, by thread id
 */
public record ThreadCpu(Map<Long, Long> nanosByThread) {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Reads every live thread's CPU time now. */
  public static ThreadCpu read() {
    long[] ids = THREADS.getAllThreadIds();
    long[] nanos = THREADS.getThreadCpuTime(ids);
    Map<Long, Long> byThread = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (nanos[i] >= 0) { // -1 for a thread that ended meanwhile
        byThread.put(ids[i], nanos[i]);
      }
    }
    return new ThreadCpu(byThread);
  }

  /** The CPU time the threads alive now spent since {@code earlier}, in nanoseconds. */
  public long since(ThreadCpu earlier) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : nanosByThread.entrySet()) {
      total += thread.getValue() - earlier.nanosByThread.getOrDefault(thread.getKey(), 0L);
    }
    return total;
  }
}
