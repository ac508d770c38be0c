package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.RowMaker;
import dev.tusk.testing.TuskTest;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What {@code RowFactories.record()} and {@code map()} cost per row next to hand-written getters,
 * over the wide row of benchmark workload c in the binary format: allocation is measured with the
 * thread's allocated-bytes counter and must stay within 10 % of the getters'; time is printed (the
 * machine is shared, so it is indicative only, and not asserted).
 */
@TuskTest
class RowFactoryCostTest {

  /** Workload c's wide row. */
  record WideRow(
      long id,
      String label,
      double score,
      BigDecimal amount,
      OffsetDateTime at,
      boolean flag,
      UUID uid) {}

  private static final int ROWS = 5_000;
  private static final int ROUNDS = 30;

  private static final String SELECT =
      "SELECT i::int8 AS id, 'label ' || i AS label, i / 7.0::float8 AS score,"
          + " (i * 1.25)::numeric(12,2) AS amount,"
          + " '2024-01-01 00:00:00+00'::timestamptz + i * interval '1 second' AS at,"
          + " i % 2 = 0 AS flag, md5(i::text)::uuid AS uid FROM generate_series(1, "
          + ROWS
          + ") i";

  private static WideRow manual(Row row) {
    return new WideRow(
        row.getLong(0),
        row.getString(1),
        row.getDouble(2),
        row.getBigDecimal(3),
        row.getOffsetDateTime(4),
        row.getBoolean(5),
        row.getUuid(6));
  }

  /** The least bytes and nanoseconds per row over the measured rounds. */
  private record Cost(double bytes, double nanos) {}

  /** Where each made row goes, so that it escapes and is really allocated. */
  private static volatile Object made;

  /**
   * Runs every variant once per round, interleaved so that the machine's load falls on all alike,
   * and keeps each one's best round after the first half (warm-up).
   */
  private static Cost[] measure(List<Row> rows, List<Function<Row, Object>> variants) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    double[] bytes = new double[variants.size()];
    double[] nanos = new double[variants.size()];
    Arrays.fill(bytes, Double.MAX_VALUE);
    Arrays.fill(nanos, Double.MAX_VALUE);
    for (int round = 0; round < ROUNDS; round++) {
      for (int v = 0; v < variants.size(); v++) {
        Function<Row, Object> make = variants.get(v);
        long bytesBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (Row row : rows) {
          made = make.apply(row);
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - bytesBefore;
        if (round >= ROUNDS / 2) {
          bytes[v] = Math.min(bytes[v], (double) allocated / rows.size());
          nanos[v] = Math.min(nanos[v], (double) elapsed / rows.size());
        }
      }
    }
    Cost[] costs = new Cost[variants.size()];
    for (int v = 0; v < costs.length; v++) {
      costs[v] = new Cost(bytes[v], nanos[v]);
    }
    return costs;
  }

  @Test
  void recordAndMapCostAboutWhatHandWrittenGettersCost(Connection conn) {
    Query query = Query.of(SELECT).withPrepare(true);
    conn.execute(query).fetchAll();
    List<Row> rows = conn.execute(query).fetchAll();
    assertEquals(ROWS, rows.size());
    RowMaker<WideRow> record = RowFactories.record(WideRow.class).maker(rows.get(0).columns());
    RowMaker<Map<String, Object>> map = RowFactories.map().maker(rows.get(0).columns());
    assertEquals(manual(rows.get(3)), record.make(rows.get(3)));
    Cost[] costs = measure(rows, List.of(RowFactoryCostTest::manual, record::make, map::make));
    Cost getters = costs[0];
    Cost records = costs[1];
    Cost maps = costs[2];
    System.out.printf(
        "row factory cost per wide row (best of %d rounds of %d rows): getters %.0f B %.0f ns,"
            + " record() %.0f B %.0f ns (%.2fx the getters' speed),"
            + " map() %.0f B %.0f ns (%.2fx)%n",
        ROUNDS / 2,
        ROWS,
        getters.bytes(),
        getters.nanos(),
        records.bytes(),
        records.nanos(),
        getters.nanos() / records.nanos(),
        maps.bytes(),
        maps.nanos(),
        getters.nanos() / maps.nanos());
    assertTrue(
        records.bytes() <= getters.bytes() * 1.10,
        "record() allocates " + records.bytes() + " B/row against the getters' " + getters.bytes());
  }
}
