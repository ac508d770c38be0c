package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.driver.RowLoader;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.List;

/**
 * j. Tusk's JDBC face (tusk-jdbc) against pgjdbc, both running the very same JDBC code (the pgjdbc
 * adapters, given tusk-jdbc as their driver), with Tusk's own API as the reference the JDBC face
 * should stay within 10% of: the point select of a through a reused PreparedStatement (j-a), and
 * the INSERTs of e through {@code executeBatch} (j-e).
 */
public final class JdbcFace implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    return List.of(pointSelect(bench), batch(bench));
  }

  private static Comparison pointSelect(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "j-a",
        "j-a. Point select through a reused PreparedStatement, one connection, sequential",
        "The point select of a (`SELECT ... FROM accounts WHERE id = ?`), one"
            + " `PreparedStatement` prepared once and executed with `setLong`, every column read"
            + " with its JDBC getter: the same code over tusk-jdbc and pgjdbc. Tusk's own API"
            + " (`execute(..., id).fetchOne()`) is the reference.",
        mode.schedule(),
        PointSelect.METRICS,
        List.of(
            Contender.of(
                Labels.TUSK_JDBC,
                Driver.TUSK,
                () -> Probes.sequential(mode, drivers.tuskJdbc().pointQuery())),
            Contender.baseline(
                Labels.PGJDBC,
                Driver.PGJDBC,
                () -> Probes.sequential(mode, drivers.pgjdbc().pointQuery())),
            Contender.of(
                Labels.TUSK + " API (reference)",
                Driver.TUSK,
                () -> Probes.sequential(mode, drivers.tusk().pointQuery()))));
  }

  private static Comparison batch(Bench bench) {
    var drivers = bench.drivers();
    WideRows rows = bench.rows().first(Mode.SINGLE_INSERTS);
    return new Comparison(
        "j-e",
        "j-e. %,d INSERTs through executeBatch in one transaction".formatted(Mode.SINGLE_INSERTS),
        ("The INSERTs of e: `addBatch` per row, `executeBatch` per %,d rows, one COMMIT; the same"
                + " code over tusk-jdbc (each `executeBatch` one pipelined round trip) and pgjdbc,"
                + " whose fast path is `reWriteBatchedInserts=true`. Tusk's own `executeMany` is"
                + " the reference.")
            .formatted(RowLoader.CHUNK),
        bench.mode().schedule(),
        List.of(Metric.OPS_PER_SECOND),
        List.of(
            Contender.of(
                Labels.TUSK_JDBC + " executeBatch",
                Driver.TUSK,
                () -> SingleInserts.insert(bench, rows, drivers.tuskJdbcLoaders().batch(false))),
            Contender.baseline(
                Labels.PGJDBC + " executeBatch, reWriteBatchedInserts=true",
                Driver.PGJDBC,
                () -> SingleInserts.insert(bench, rows, drivers.pgjdbcLoaders().batch(true))),
            Contender.baseline(
                Labels.PGJDBC + " executeBatch",
                Driver.PGJDBC,
                () -> SingleInserts.insert(bench, rows, drivers.pgjdbcLoaders().batch(false))),
            Contender.of(
                Labels.TUSK + " executeMany (reference)",
                Driver.TUSK,
                () -> SingleInserts.insert(bench, rows, drivers.tusk().executeMany()))));
  }
}
