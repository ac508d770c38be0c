package dev.tusk.bench.harness;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine's one-minute load average when a table started and when it ended: how many threads,
 * this run's own included, wanted the cores. Well above the core count, other work competed with
 * the drivers, and ops/s measured the scheduler as much as the drivers.
 *
 * @param before when the table started; negative if the OS does not say
 * @param after when the table ended; negative if the OS does not say
 */
public record LoadAverage(double before, double after) {

  /** The load average now, negative if unknown. */
  public static double now() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Whether the load exceeded twice {@code cores} at either end of the table: more than this run
   * itself adds (its client threads and server backends), so other work was competing.
   */
  public boolean busy(int cores) {
    return Math.max(before, after) > 2.0 * cores;
  }

  /** The two readings in words. */
  public String describe() {
    if (before < 0 || after < 0) {
      return "load average unknown";
    }
    return String.format(
        Locale.ROOT, "load average %.2f at the start, %.2f at the end", before, after);
  }
}
