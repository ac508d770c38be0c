package dev.tusk.bench.harness;

/**
 * A measured quantity, shown as one column of a table.
 *
 * @param name the column heading, with its unit
 * @param higherIsBetter whether a larger value is the better one
 */
public record Metric(String name, boolean higherIsBetter) {

  /** Operations (statements, round trips) per second. */
  public static final Metric OPS_PER_SECOND = new Metric("ops/s", true);

  /** Median latency of one operation, in microseconds. */
  public static final Metric P50_MICROS = new Metric("p50 µs", false);

  /** 99th-percentile latency of one operation, in microseconds. */
  public static final Metric P99_MICROS = new Metric("p99 µs", false);

  /** Rows read or written per second. */
  public static final Metric ROWS_PER_SECOND = new Metric("rows/s", true);

  /** Heap bytes allocated by the whole JVM per row read. */
  public static final Metric BYTES_PER_ROW = new Metric("heap B/row", false);

  /** Physical connections opened and closed per second. */
  public static final Metric CONNECTIONS_PER_SECOND = new Metric("connections/s", true);

  /**
   * Context switches of this JVM's threads per operation (see {@link ProcessCounters}): how many
   * times a thread went to sleep or was preempted for each operation.
   */
  public static final Metric SWITCHES_PER_OP = new Metric("ctx sw/op", false);

  /** CPU time of this JVM (or of pgbench) per operation, in microseconds. */
  public static final Metric CPU_MICROS_PER_OP = new Metric("client CPU µs/op", false);

  /**
   * CPU time of this JVM's threads (the reader, the driver's own threads, GC, JIT) per row read, in
   * nanoseconds ({@link ThreadCpu}): what a row costs the client, which a busy machine's scheduler
   * changes less than it changes rows/s.
   */
  public static final Metric CPU_NANOS_PER_ROW = new Metric("client CPU ns/row", false);

  /**
   * Milliseconds the JIT spent compiling during the timed window: well above zero, the JVM was
   * still warming up and its compiler threads competed with the driver for the cores.
   */
  public static final Metric JIT_MILLIS = new Metric("JIT ms", false);

  /** Nanoseconds per operation. */
  public static final Metric NANOS_PER_OP = new Metric("ns/op", false);
}
