package dev.tusk.bench.driver;

import dev.tusk.bench.harness.Sink;

/** Reads every row of a query, touching each value as its Java type (workload c). */
public interface RowScan extends AutoCloseable {

  /**
   * Runs {@code Tables.WIDE_SELECT}, hands every value of every row to {@code sink} and returns the
   * number of rows.
   */
  long scan(Sink sink) throws Exception;

  /** Closes the connection behind the scan. */
  @Override
  void close() throws Exception;
}
