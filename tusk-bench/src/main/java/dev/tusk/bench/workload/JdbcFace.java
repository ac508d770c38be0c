package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.driver.RowLoader;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.List;
import java.util.OptionalInt;

/**
 * j. Tusk's JDBC face (tusk-jdbc) against pgjdbc, both running the very same JDBC code (the pgjdbc
 * adapters, given tusk-jdbc as their driver), with Tusk's own API as the reference the JDBC face
 * should stay within 10% of: the point select of a through a reused PreparedStatement (j-a), and
 * the INSERTs of e through {@code executeBatch} (j-e); and, as the JDBC issue asks, HikariCP over
 * each driver from 64 threads (j-b) and the wide rows of c through a ResultSet (j-c).
 */
public final class JdbcFace implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    return List.of(pointSelect(bench), pooled(bench), wideRead(bench), batch(bench));
  }

  private static final int CLIENTS = ConcurrentPointSelect.CLIENTS;
  private static final int POOL_SIZE = ConcurrentPointSelect.POOL_SIZE;

  private static Comparison pooled(Bench bench) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "j-b",
        "j-b. Point select, %d virtual threads, HikariCP over each driver (pool of %d)"
            .formatted(CLIENTS, POOL_SIZE),
        "The point select of a from 64 virtual threads, each borrowing a connection from HikariCP"
            + " per query and preparing the statement on it: the same pool and code over"
            + " tusk-jdbc and pgjdbc. The references: the same HikariCP pool over tusk-jdbc with each"
            + " query run through the Tusk connection it unwraps to (what the JDBC face costs), and"
            + " Tusk's own `pool.connection()` per query (what HikariCP costs).",
        mode.schedule(),
        PointSelect.METRICS,
        List.of(
            Contender.of(
                "HikariCP + " + Labels.TUSK_JDBC,
                Driver.TUSK,
                () ->
                    Probes.concurrent(
                        mode, drivers.hikariTuskJdbc().pooledPointQuery(POOL_SIZE), CLIENTS)),
            Contender.baseline(
                Labels.HIKARI,
                Driver.HIKARICP,
                () ->
                    Probes.concurrent(mode, drivers.hikari().pooledPointQuery(POOL_SIZE), CLIENTS)),
            Contender.of(
                "HikariCP + " + Labels.TUSK_JDBC + ", unwrapped to Tusk's API (reference)",
                Driver.TUSK,
                () ->
                    Probes.concurrent(
                        mode,
                        drivers.hikariTuskJdbc().pooledUnwrappedPointQuery(POOL_SIZE),
                        CLIENTS)),
            Contender.of(
                Labels.TUSK + " pool.connection() per query (reference)",
                Driver.TUSK,
                () ->
                    Probes.concurrent(
                        mode, drivers.tusk().borrowingPointQuery(POOL_SIZE), CLIENTS))));
  }

  private static Comparison wideRead(Bench bench) {
    var drivers = bench.drivers();
    long rows = bench.mode().bulkRows();
    return new Comparison(
        "j-c",
        "j-c. Read %,d rows of c through a ResultSet".formatted(rows),
        "The rows of c, every value read with its JDBC getter (`getLong`, `getString`,"
            + " `getObject(i, OffsetDateTime.class)`...), autocommit on and no fetch size: the"
            + " same code over tusk-jdbc and pgjdbc. Tusk's own API is the reference.",
        bench.mode().schedule(),
        List.of(Metric.ROWS_PER_SECOND, Metric.BYTES_PER_ROW, Metric.CPU_NANOS_PER_ROW),
        List.of(
            Contender.of(
                Labels.TUSK_JDBC,
                Driver.TUSK,
                () -> Probes.scan(drivers.tuskJdbc().rowScan(OptionalInt.empty()), rows)),
            Contender.baseline(
                Labels.PGJDBC,
                Driver.PGJDBC,
                () -> Probes.scan(drivers.pgjdbc().rowScan(OptionalInt.empty()), rows)),
            Contender.of(
                Labels.TUSK + " API (reference)",
                Driver.TUSK,
                () -> Probes.scan(drivers.tusk().rowScan(), rows))));
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
