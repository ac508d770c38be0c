package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.data.Schema;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.driver.AsyncPointQuery;
import dev.tusk.bench.driver.ConnectionCycle;
import dev.tusk.bench.driver.Pgbench;
import dev.tusk.bench.driver.PointQuery;
import dev.tusk.bench.driver.RowLoader;
import dev.tusk.bench.driver.RowScan;
import dev.tusk.bench.harness.Allocation;
import dev.tusk.bench.harness.AsyncOperation;
import dev.tusk.bench.harness.ClosedLoop;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Operation;
import dev.tusk.bench.harness.Phase;
import dev.tusk.bench.harness.Probe;
import dev.tusk.bench.harness.Sample;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.harness.ThreadCpu;
import dev.tusk.bench.server.Admin;
import java.util.concurrent.ThreadLocalRandom;

/** The probes the workloads share: how a capability is timed, whatever the driver. */
final class Probes {

  private Probes() {}

  /** Point selects of random accounts from one platform thread, for the mode's duration. */
  static Probe sequential(Mode mode, PointQuery query) {
    return closing(
        query,
        phase ->
            ClosedLoop.sequential(
                randomSelect(query), mode.duration(phase), Metric.OPS_PER_SECOND));
  }

  /**
   * The point selects of {@link #sequential} with no clock read between them: the harness's check
   * on itself, whose ops/s the timed loop must match.
   */
  static Probe plain(Mode mode, PointQuery query) {
    return closing(
        query,
        phase ->
            ClosedLoop.plain(randomSelect(query), mode.duration(phase), Metric.OPS_PER_SECOND));
  }

  /** Point selects of random accounts from {@code clients} virtual threads. */
  static Probe concurrent(Mode mode, PointQuery query, int clients) {
    return closing(
        query,
        phase ->
            ClosedLoop.concurrent(
                randomSelect(query), clients, mode.duration(phase), Metric.OPS_PER_SECOND));
  }

  /** Point selects of random accounts from {@code clients} asynchronous chains. */
  static Probe asynchronous(Mode mode, AsyncPointQuery query, int clients) {
    AsyncOperation select = sink -> query.select(randomId(), sink);
    return closing(
        query,
        phase ->
            ClosedLoop.asynchronous(select, clients, mode.duration(phase), Metric.OPS_PER_SECOND));
  }

  /** pgbench's point selects from {@code clients} connections on {@code threads} threads. */
  static Probe pgbench(Mode mode, Pgbench pgbench, int clients, int threads) {
    return phase -> pgbench.pointSelects(clients, threads, mode.duration(phase));
  }

  /** Connections opened and closed back to back from one platform thread. */
  static Probe connections(Mode mode, ConnectionCycle cycle) {
    return phase ->
        ClosedLoop.sequential(
            sink -> cycle.openAndClose(), mode.duration(phase), Metric.CONNECTIONS_PER_SECOND);
  }

  /** One full read of the wide rows: rows/s and heap bytes allocated per row, all threads. */
  static Probe scan(RowScan scan, long expectedRows) {
    return closing(
        scan,
        phase -> {
          Sink sink = new Sink();
          ThreadCpu cpuBefore = ThreadCpu.read();
          long allocatedBefore = Allocation.totalBytes();
          long start = System.nanoTime();
          long rows = scan.scan(sink);
          long elapsed = System.nanoTime() - start;
          long allocated = Allocation.totalBytes() - allocatedBefore;
          long cpu = ThreadCpu.read().since(cpuBefore);
          sink.publish();
          if (rows != expectedRows) {
            throw new IllegalStateException("read " + rows + " rows, expected " + expectedRows);
          }
          return Sample.of(Metric.ROWS_PER_SECOND, rows * 1e9 / elapsed)
              .with(Metric.BYTES_PER_ROW, (double) allocated / rows)
              .with(Metric.CPU_NANOS_PER_ROW, (double) cpu / rows);
        });
  }

  /**
   * One load of {@code rows} into the emptied {@code table}, checked by counting afterwards; {@code
   * metric} names the rate (rows/s or ops/s).
   */
  static Probe load(Admin admin, String table, WideRows rows, RowLoader loader, Metric metric) {
    return closing(
        loader,
        phase -> {
          Schema.empty(admin, table);
          long start = System.nanoTime();
          loader.load(table, rows);
          long elapsed = System.nanoTime() - start;
          String count = admin.single("SELECT count(*) FROM " + table);
          if (Long.parseLong(count) != rows.size()) {
            throw new IllegalStateException("loaded " + count + " rows, expected " + rows.size());
          }
          return Sample.of(metric, rows.size() * 1e9 / elapsed);
        });
  }

  private static Operation randomSelect(PointQuery query) {
    return sink -> query.select(randomId(), sink);
  }

  static long randomId() {
    return ThreadLocalRandom.current().nextLong(1, Tables.ACCOUNT_COUNT + 1);
  }

  /** {@code body} as a probe that closes {@code resource} when the cell is done. */
  private static Probe closing(AutoCloseable resource, Probe body) {
    return new Probe() {
      @Override
      public Sample run(Phase phase) throws Exception {
        return body.run(phase);
      }

      @Override
      public void close() throws Exception {
        resource.close();
      }
    };
  }
}
