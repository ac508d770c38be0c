package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.driver.RowLoader;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Probe;
import java.util.List;

/** e. Ten thousand single-row INSERTs in one transaction. */
public final class SingleInserts implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    var drivers = bench.drivers();
    WideRows rows = bench.rows().first(Mode.SINGLE_INSERTS);
    return List.of(
        new Comparison(
            "e",
            "e. %,d single-row INSERTs in one transaction".formatted(Mode.SINGLE_INSERTS),
            "The same one-row `INSERT ... VALUES ($1, ..., $7)` %,d times, then COMMIT."
                .formatted(Mode.SINGLE_INSERTS),
            bench.mode().schedule(),
            List.of(Metric.OPS_PER_SECOND),
            List.of(
                Contender.of(
                    Labels.TUSK + " executeMany",
                    Driver.TUSK,
                    () -> insert(bench, rows, drivers.tusk().executeMany())),
                Contender.of(
                    Labels.TUSK + " pipeline, one sync",
                    Driver.TUSK,
                    () -> insert(bench, rows, drivers.tusk().pipeline())),
                Contender.baseline(
                    Labels.PGJDBC + " executeBatch",
                    Driver.PGJDBC,
                    () -> insert(bench, rows, drivers.pgjdbcLoaders().batch(false))),
                Contender.baseline(
                    Labels.PGJDBC + " executeBatch, reWriteBatchedInserts=true",
                    Driver.PGJDBC,
                    () -> insert(bench, rows, drivers.pgjdbcLoaders().batch(true))),
                Contender.baseline(
                    Labels.PGJDBC + " executeUpdate one by one",
                    Driver.PGJDBC,
                    () -> insert(bench, rows, drivers.pgjdbcLoaders().oneByOne())))));
  }

  /** Loads {@code rows} into the INSERT table with {@code loader}, counting rows per second. */
  static Probe insert(Bench bench, WideRows rows, RowLoader loader) {
    return Probes.load(bench.admin(), Tables.INSERTS, rows, loader, Metric.OPS_PER_SECOND);
  }
}
