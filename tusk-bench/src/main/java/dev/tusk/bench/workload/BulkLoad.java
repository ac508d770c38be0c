package dev.tusk.bench.workload;

import dev.tusk.bench.data.Schema;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.driver.CopyFormat;
import dev.tusk.bench.driver.Psql;
import dev.tusk.bench.driver.RowLoader;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.harness.Phase;
import dev.tusk.bench.harness.Probe;
import dev.tusk.bench.harness.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** d. Loading many rows: COPY, and batched INSERTs. */
public final class BulkLoad implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    return List.of(copy(bench), batched(bench));
  }

  private static Comparison copy(Bench bench) {
    var drivers = bench.drivers();
    return new Comparison(
        "d1",
        "d1. Load %,d rows with COPY FROM STDIN".formatted(bench.rows().size()),
        "Rows built in memory beforehand and encoded on the fly, one transaction, into an"
            + " emptied table. pgjdbc's CopyManager is fed both formats; the ratio uses the"
            + " faster.",
        bench.mode().schedule(),
        List.of(Metric.ROWS_PER_SECOND),
        List.of(
            Contender.of(
                Labels.TUSK + " COPY", Driver.TUSK, () -> load(bench, drivers.tusk().copy())),
            Contender.baseline(
                Labels.PGJDBC + " CopyManager, text",
                Driver.PGJDBC,
                () -> load(bench, drivers.pgjdbcLoaders().copy(CopyFormat.TEXT))),
            Contender.baseline(
                Labels.PGJDBC + " CopyManager, binary",
                Driver.PGJDBC,
                () -> load(bench, drivers.pgjdbcLoaders().copy(CopyFormat.BINARY))),
            Contender.of(Labels.PSQL_COPY_IN, Driver.PSQL, () -> psqlCopyIn(bench, Tables.LOAD))));
  }

  /**
   * psql's {@code \copy} of the same rows, written once to a binary file beforehand, into the
   * emptied table; timed by psql, checked by a count as the loaders are.
   */
  private static Probe psqlCopyIn(Bench bench, String table) throws Exception {
    Psql psql = Psql.find(bench.endpoint());
    Path file = Psql.binaryFile(bench.rows());
    return new Probe() {
      @Override
      public Sample run(Phase phase) throws Exception {
        Schema.empty(bench.admin(), table);
        Sample sample = psql.copyIn(table, file, bench.rows().size());
        String count = bench.admin().single("SELECT count(*) FROM " + table);
        if (Long.parseLong(count) != bench.rows().size()) {
          throw new IllegalStateException(
              "psql loaded " + count + " rows, expected " + bench.rows().size());
        }
        return sample;
      }

      @Override
      public void close() throws IOException {
        Files.deleteIfExists(file);
      }
    };
  }

  private static Comparison batched(Bench bench) {
    var drivers = bench.drivers();
    return new Comparison(
        "d2",
        "d2. Load %,d rows with batched INSERT".formatted(bench.rows().size()),
        ("`INSERT ... VALUES ($1, ..., $7)` in calls of %,d parameter sets, one transaction."
                + " With `rewrite_batched_inserts=on` Tusk sends each call as a few"
                + " `INSERT ... SELECT unnest($1), ..., unnest($7)` of column arrays.")
            .formatted(RowLoader.CHUNK),
        bench.mode().schedule(),
        List.of(Metric.ROWS_PER_SECOND),
        List.of(
            Contender.of(
                Labels.TUSK + " executeMany",
                Driver.TUSK,
                () -> load(bench, drivers.tusk().executeMany())),
            Contender.of(
                Labels.TUSK + " executeMany, rewrite_batched_inserts=on",
                Driver.TUSK,
                () -> load(bench, drivers.tusk().rewrittenExecuteMany())),
            Contender.baseline(
                Labels.PGJDBC + " executeBatch, reWriteBatchedInserts=true",
                Driver.PGJDBC,
                () -> load(bench, drivers.pgjdbcLoaders().batch(true)))));
  }

  private static Probe load(Bench bench, RowLoader loader) {
    return Probes.load(bench.admin(), Tables.LOAD, bench.rows(), loader, Metric.ROWS_PER_SECOND);
  }
}
