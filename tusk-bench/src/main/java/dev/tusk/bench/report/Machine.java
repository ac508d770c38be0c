package dev.tusk.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine the benchmark ran on.
 *
 * @param cores the processors available to the JVM
 * @param memoryBytes the physical memory
 * @param cpu the CPU model, if the OS says
 * @param os the operating system, version and architecture
 * @param loadAverage the one-minute load average when read: other work competing for the cores
 */
public record Machine(int cores, long memoryBytes, String cpu, String os, double loadAverage) {

  /** Reads this machine's facts. */
  public static Machine current() {
    var system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        system.getTotalMemorySize(),
        cpuModel(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        system.getSystemLoadAverage());
  }

  /** The facts in one line. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores, %.1f GiB memory, %s, %s; load average %.2f before the run",
        cores,
        memoryBytes / 1073741824.0,
        cpu,
        os,
        loadAverage);
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
