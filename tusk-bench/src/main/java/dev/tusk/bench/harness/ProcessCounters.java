package dev.tusk.bench.harness;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * This JVM's own counters, read before and after a timed window so that a driver's cost per
 * operation shows next to its speed: context switches of each of the process's live threads (from
 * {@code /proc/self/task/<tid>/status}), the process's CPU time ({@code
 * OperatingSystemMXBean#getProcessCpuTime}), and the CPU time of child processes it has reaped
 * (pgbench, from {@code /proc/self/stat}).
 *
 * @param switchesByThread voluntary plus involuntary switches of each live thread, by thread id;
 *     empty where /proc is not readable
 * @param cpuNanos CPU time of every thread of this JVM
 * @param childCpuNanos CPU time of the children this JVM has waited for, if readable
 * @param compileMillis time the JIT compilers have spent compiling (CompilationMXBean), summed over
 *     its threads
 */
public record ProcessCounters(
    Map<String, Long> switchesByThread,
    long cpuNanos,
    OptionalLong childCpuNanos,
    long compileMillis) {

  private static final com.sun.management.OperatingSystemMXBean SYSTEM =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final Path STAT = Path.of("/proc/self/stat");

  /**
   * Linux's USER_HZ, the unit of /proc's CPU times, fixed at 100 on every architecture Java runs.
   */
  private static final long NANOS_PER_TICK = 10_000_000;

  /** How the counters are read, for the report. */
  public static String method() {
    return "context switches: voluntary_ctxt_switches + nonvoluntary_ctxt_switches summed over"
        + " /proc/self/task/*/status (every live thread of this JVM: the caller, the driver's own"
        + " threads, GC and JIT) before and after the timed window; client CPU:"
        + " OperatingSystemMXBean#getProcessCpuTime over the same window (for pgbench: its CPU,"
        + " from /proc/self/stat cutime + cstime once the harness has reaped it). Both divided by"
        + " the operations done in the window.";
  }

  /** Copies the map. */
  public ProcessCounters {
    switchesByThread = Map.copyOf(switchesByThread);
  }

  /** Reads the counters now. */
  public static ProcessCounters read() {
    return new ProcessCounters(
        switchesNow(),
        SYSTEM.getProcessCpuTime(),
        childCpuNow(),
        COMPILER.getTotalCompilationTime());
  }

  /**
   * The counts accumulated between {@code earlier} and this reading. A thread started in between
   * counts all its switches; one that ended in between is lost with its last switches (Linux keeps
   * no per-thread count after exit), so the total may undercount, never go negative.
   */
  public ProcessCounters since(ProcessCounters earlier) {
    Map<String, Long> switches = new HashMap<>();
    switchesByThread.forEach(
        (thread, now) ->
            switches.put(thread, now - earlier.switchesByThread.getOrDefault(thread, 0L)));
    return new ProcessCounters(
        switches,
        cpuNanos - earlier.cpuNanos,
        childCpuNanos.isPresent() && earlier.childCpuNanos.isPresent()
            ? OptionalLong.of(childCpuNanos.getAsLong() - earlier.childCpuNanos.getAsLong())
            : OptionalLong.empty(),
        compileMillis - earlier.compileMillis);
  }

  /** The switches of every thread, if /proc was readable. */
  public OptionalLong contextSwitches() {
    return switchesByThread.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(switchesByThread.values().stream().mapToLong(Long::longValue).sum());
  }

  /**
   * {@code sample} with context switches and client CPU per operation added, this being the change
   * over a window of {@code operations} operations done by this JVM.
   */
  public Sample perOperation(Sample sample, long operations) {
    if (operations <= 0) {
      return sample;
    }
    Sample out = sample.with(Metric.CPU_MICROS_PER_OP, cpuNanos / 1e3 / operations);
    OptionalLong switches = contextSwitches();
    if (switches.isPresent()) {
      out = out.with(Metric.SWITCHES_PER_OP, (double) switches.getAsLong() / operations);
    }
    out = out.with(Metric.JIT_MILLIS, compileMillis);
    return out;
  }

  /**
   * {@code sample} with client CPU per operation added from the CPU time of the children reaped in
   * this window (pgbench), if readable.
   */
  public Sample childPerOperation(Sample sample, long operations) {
    if (operations <= 0 || childCpuNanos.isEmpty()) {
      return sample;
    }
    return sample.with(Metric.CPU_MICROS_PER_OP, childCpuNanos.getAsLong() / 1e3 / operations);
  }

  private static Map<String, Long> switchesNow() {
    Map<String, Long> switches = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return switches;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        switchesOf(task.resolve("status"))
            .ifPresent(count -> switches.put(task.getFileName().toString(), count));
      }
    } catch (IOException e) {
      return Map.of();
    }
    return switches;
  }

  /** A thread's switches; empty if it ended between listing and reading. */
  private static OptionalLong switchesOf(Path status) throws IOException {
    long switches = 0;
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("voluntary_ctxt_switches:")
            || line.startsWith("nonvoluntary_ctxt_switches:")) {
          switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(switches);
  }

  /** Fields 16 and 17 of /proc/self/stat, counted after the ")" that ends the command name. */
  private static OptionalLong childCpuNow() {
    try {
      String stat = Files.readString(STAT);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state), so field n is fields[n - 3]
      long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      return OptionalLong.of(ticks * NANOS_PER_TICK);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
