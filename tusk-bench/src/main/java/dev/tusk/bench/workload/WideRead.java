package dev.tusk.bench.workload;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.driver.Psql;
import dev.tusk.bench.harness.Allocation;
import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import java.util.List;
import java.util.OptionalInt;

/** c. Reading many rows of seven common types, every value as its Java type. */
public final class WideRead implements Workload {

  /**
   * Rows per round trip wherever a driver reads in batches (pgjdbc's fetch size, Tusk's server
   * cursor itersize): large enough that a round trip costs little per row, small enough (about 2 MB
   * of these rows) that memory stays flat.
   */
  private static final int FETCH_SIZE = 10_000;

  @Override
  public List<Comparison> comparisons(Bench bench) {
    var drivers = bench.drivers();
    long rows = bench.mode().bulkRows();
    return List.of(
        new Comparison(
            "c",
            "c. Read %,d rows of (int8, text, float8, numeric(12,2), timestamptz, bool, uuid)"
                .formatted(rows),
            "Every value read as its Java type (pgjdbc: getLong, getString, getDouble,"
                + " getBigDecimal, getObject(OffsetDateTime.class), getBoolean,"
                + " getObject(UUID.class)); the rows marked so make each row into a record of"
                + " the seven values instead (a Tusk RowMaker, whose Row is the maker's to read"
                + " during the call only, as a RowMapper's ResultSet). Heap bytes per row count"
                + " every thread of the JVM: "
                + Allocation.method()
                + ". psql measures the server's raw row production.",
            bench.mode().schedule(),
            List.of(Metric.ROWS_PER_SECOND, Metric.BYTES_PER_ROW),
            List.of(
                Contender.of(
                    Labels.TUSK, Driver.TUSK, () -> Probes.scan(drivers.tusk().rowScan(), rows)),
                Contender.of(
                    Labels.TUSK + ", each row made into a record by a RowMaker's getters",
                    Driver.TUSK,
                    () -> Probes.scan(drivers.tusk().madeRowScan(), rows)),
                Contender.of(
                    Labels.PGJDBC
                        + ", fetchSize "
                        + FETCH_SIZE
                        + ", each row made into the same record by its getters",
                    Driver.PGJDBC,
                    () ->
                        Probes.scan(
                            drivers.pgjdbc().madeRowScan(OptionalInt.of(FETCH_SIZE)), rows)),
                Contender.baseline(
                    Labels.PGJDBC + ", fetchSize unset (reads all first)",
                    Driver.PGJDBC,
                    () -> Probes.scan(drivers.pgjdbc().rowScan(OptionalInt.empty()), rows)),
                Contender.baseline(
                    Labels.PGJDBC + ", autocommit off, fetchSize " + FETCH_SIZE,
                    Driver.PGJDBC,
                    () -> Probes.scan(drivers.pgjdbc().rowScan(OptionalInt.of(FETCH_SIZE)), rows)),
                Contender.of(
                    Labels.VERTX + " (buffers the whole RowSet)",
                    Driver.VERTX,
                    () -> Probes.scan(drivers.vertx().rowScan(), rows)),
                Contender.of(
                    Labels.PSQL,
                    Driver.PSQL,
                    () -> {
                      Psql psql = Psql.find(bench.endpoint());
                      return phase -> psql.copyOut(Tables.WIDE_SELECT, rows);
                    }))),
        new Comparison(
            "c3",
            "c3. Read %,d rows of c through a server-side cursor, %,d rows per round trip"
                .formatted(rows, FETCH_SIZE),
            "Both read in a transaction, %,d rows per round trip: Tusk opens a server cursor"
                    .formatted(FETCH_SIZE)
                + " (conn.cursor(name), itersize) and iterates it; neither scrollable nor held,"
                + " it is a portal of its name, one Execute per batch; pgjdbc turns autocommit"
                + " off and sets the fetch size, one Execute of its portal per batch. Values"
                + " read as in c.",
            bench.mode().schedule(),
            List.of(Metric.ROWS_PER_SECOND, Metric.BYTES_PER_ROW),
            List.of(
                Contender.of(
                    Labels.TUSK + ", server cursor, itersize " + FETCH_SIZE,
                    Driver.TUSK,
                    () -> Probes.scan(drivers.tusk().serverCursorScan(FETCH_SIZE), rows)),
                Contender.baseline(
                    Labels.PGJDBC + ", autocommit off, fetchSize " + FETCH_SIZE,
                    Driver.PGJDBC,
                    () ->
                        Probes.scan(drivers.pgjdbc().rowScan(OptionalInt.of(FETCH_SIZE)), rows)))),
        new Comparison(
            "c2",
            "c2. Read %,d rows of the nine types: c's seven, jsonb and int4[]".formatted(rows),
            "The rows of c with a jsonb document and an int4[] built by the server per row"
                + " (the type issue's measurement). Tusk reads jsonb as String and int4[] as a"
                + " List; pgjdbc uses getString and getArray().getArray(). Heap bytes per row as"
                + " in c.",
            bench.mode().schedule(),
            List.of(Metric.ROWS_PER_SECOND, Metric.BYTES_PER_ROW),
            List.of(
                Contender.of(
                    Labels.TUSK,
                    Driver.TUSK,
                    () -> Probes.scan(drivers.tusk().typedRowScan(), rows)),
                Contender.baseline(
                    Labels.PGJDBC + ", fetchSize unset (reads all first)",
                    Driver.PGJDBC,
                    () -> Probes.scan(drivers.pgjdbc().typedRowScan(), rows)))),
        new Comparison(
            "c4",
            "c4. Read %,d rows of c's seven types with COPY TO STDOUT, typed".formatted(rows),
            "Tusk: COPY (c's SELECT) TO STDOUT (FORMAT binary), each row decoded by readRow"
                + " after setTypes, every value handed on as its Java type. The baseline is"
                + " pgjdbc's plain SELECT of the same rows, read as in c. Heap bytes per row as"
                + " in c.",
            bench.mode().schedule(),
            List.of(Metric.ROWS_PER_SECOND, Metric.BYTES_PER_ROW),
            List.of(
                Contender.of(
                    Labels.TUSK + " COPY TO, readRow",
                    Driver.TUSK,
                    () -> Probes.scan(drivers.tusk().copyOutScan(), rows)),
                Contender.baseline(
                    Labels.PGJDBC + " SELECT, fetchSize unset (reads all first)",
                    Driver.PGJDBC,
                    () -> Probes.scan(drivers.pgjdbc().rowScan(OptionalInt.empty()), rows)))));
  }
}
