package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DataError;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * executeMany with more sets than one request carries: about 1.2 MB of encoded parameters, which
 * the driver sends as many requests kept in flight (64 KiB each, four at a time). The sets must
 * still run as one unit, as {@link ExecuteManyTest} checks for small ones.
 */
@TuskTest
class ExecuteManyInFlightTest {

  private static final int SETS = 12_000;
  private static final String INSERT = "INSERT INTO bulk VALUES ($1, $2)";
  private static final String PAD = "x".repeat(90);

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute("DROP TABLE IF EXISTS bulk; CREATE TABLE bulk (id int PRIMARY KEY, note text)");
  }

  @Test
  void everySetLandsAndRowCountIsTheTotal(Connection conn) {
    Cursor<Row> cursor = conn.cursor().executeMany(INSERT, sets());

    assertEquals(SETS, cursor.rowCount());
    Row summary = conn.execute("SELECT count(*), sum(id) FROM bulk").fetchOne();
    assertEquals(SETS, summary.getLong(0));
    assertEquals(SETS * (SETS + 1L) / 2, summary.getLong(1));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void aFailingSetInALateChunkUndoesEverySetInAutocommitMode(Connection conn) {
    List<Object[]> sets = sets();
    sets.set(SETS - 100, new Object[] {7, "duplicate of set 7"});

    UniqueViolation error =
        assertThrows(UniqueViolation.class, () -> conn.cursor().executeMany(INSERT, sets));

    assertEquals("23505", error.sqlState());
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, count(conn));
    assertEquals(SETS, conn.cursor().executeMany(INSERT, sets()).rowCount(), "still usable");
  }

  @Test
  void aSetThatCannotBeEncodedLateUndoesEverySetAndNamesTheSet(Connection conn) {
    List<Object[]> sets = sets();
    sets.set(SETS - 50, new Object[] {SETS - 49, "a NUL \0 cannot travel in text"});

    DataError error = assertThrows(DataError.class, () -> conn.cursor().executeMany(INSERT, sets));

    assertTrue(
        error.getMessage().startsWith("parameter $2 of set " + (SETS - 49) + ": "),
        error.getMessage());
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, count(conn));
  }

  @Test
  void insideATransactionAnEncodingFailureLeavesTheTransactionAsItWas(Connection conn) {
    List<Object[]> sets = sets();
    sets.set(SETS - 50, new Object[] {SETS - 49, "NUL \0"});

    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO bulk VALUES (-1, 'before')");
      assertThrows(DataError.class, () -> conn.cursor().executeMany(INSERT, sets));

      assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
      assertEquals(1L, count(conn), "only the row inserted before the failed call");
      tx.commit();
    }
    assertEquals(1L, count(conn));
  }

  @Test
  void insideATransactionAServerErrorAbortsItAsASingleRequestWould(Connection conn) {
    List<Object[]> sets = sets();
    sets.set(SETS - 100, new Object[] {7, "duplicate"});

    try (Transaction tx = conn.transaction()) {
      assertThrows(UniqueViolation.class, () -> conn.cursor().executeMany(INSERT, sets));

      assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
      assertThrows(InFailedSqlTransaction.class, () -> conn.execute("SELECT 1"));
    }
    assertEquals(0L, count(conn));
  }

  @Test
  void autocommitOffKeepsTheSetsInTheOpenTransaction(Connection conn) {
    conn.setAutocommit(false);
    try {
      assertEquals(SETS, conn.cursor().executeMany(INSERT, sets()).rowCount());
      assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
      conn.rollback();
      assertEquals(0L, count(conn));
    } finally {
      conn.rollback();
      conn.setAutocommit(true);
    }
  }

  /** Rows inserted in a subtransaction carry its transaction ID as xmin, not the outer one's. */
  @Test
  void insideATransactionTheSetsRunInASavepointOfIt(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      conn.cursor().executeMany(INSERT, sets().subList(0, 1));
      conn.cursor().executeMany(INSERT, sets().subList(1, SETS));
      String outer =
          conn.execute("SELECT (txid_current() % 4294967296)::text").fetchOne().getString(0);

      assertEquals(outer, xmin(conn, 1), "one request: no savepoint");
      assertNotEquals(outer, xmin(conn, SETS), "many requests: a subtransaction");
      tx.commit();
    }
    assertEquals(SETS, count(conn));
  }

  private static String xmin(Connection conn, int id) {
    return conn.execute("SELECT xmin::text FROM bulk WHERE id = $1", id).fetchOne().getString(0);
  }

  @Test
  void returningRowsComeBackSetBySetAcrossEveryChunk(Connection conn) {
    Cursor<Row> cursor =
        conn.cursor().executeMany("INSERT INTO bulk VALUES ($1, $2) RETURNING id * 2", sets());

    List<Integer> returned = new ArrayList<>(SETS);
    do {
      List<Row> rows = cursor.fetchAll();
      assertEquals(1, rows.size());
      returned.add(rows.get(0).getInt(0));
    } while (cursor.nextSet());
    assertEquals(IntStream.rangeClosed(1, SETS).mapToObj(id -> id * 2).toList(), returned);
  }

  @Test
  void aTimeoutCancelsTheChunkRunningAndUndoesEverySet(Connection conn) {
    Query slow =
        Query.of("INSERT INTO bulk SELECT $1, $2 FROM pg_sleep(0.001)")
            .withTimeout(Duration.ofMillis(300));

    assertThrows(QueryCanceled.class, () -> conn.cursor().executeMany(slow, sets()));

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, count(conn));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0), "still usable");
  }

  /**
   * A prepared statement whose result type changed (a column added under RETURNING *) fails the
   * first chunk with 0A000; the unit is rolled back and run again once, prepared afresh.
   */
  @Test
  void aStatementGoneStaleIsPreparedAgainAndTheSetsRunOnce(Connection conn) {
    String insert = "INSERT INTO bulk VALUES ($1, $2) RETURNING *";
    conn.cursor().executeMany(insert, sets());
    conn.execute("TRUNCATE bulk");
    conn.execute("ALTER TABLE bulk ADD COLUMN extra int DEFAULT 7");

    Cursor<Row> cursor = conn.cursor().executeMany(insert, sets());

    assertEquals(SETS, cursor.rowCount());
    Row first = cursor.fetchOne();
    assertEquals(3, first.size());
    assertEquals(7, first.getInt(2));
    assertEquals(SETS, count(conn));
  }

  /**
   * Other threads sharing the connection meanwhile get their answers, and never run inside the
   * unit: they see none of its rows or all of them.
   */
  @Test
  void otherThreadsSeeNoneOrAllOfTheSets(Connection conn) throws Exception {
    AtomicBoolean loading = new AtomicBoolean(true);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      readers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    do {
                      seen.add(count(conn));
                    } while (loading.get());
                  }));
    }
    try {
      for (int round = 0; round < 3; round++) {
        conn.execute("TRUNCATE bulk");
        assertEquals(SETS, conn.cursor().executeMany(INSERT, sets()).rowCount());
      }
    } finally {
      loading.set(false);
      for (Thread reader : readers) {
        reader.join();
      }
    }
    assertTrue(Set.of(0L, (long) SETS).containsAll(seen), "counts seen: " + seen);
  }

  private static List<Object[]> sets() {
    List<Object[]> sets = new ArrayList<>(SETS);
    for (int id = 1; id <= SETS; id++) {
      sets.add(new Object[] {id, PAD + id});
    }
    return sets;
  }

  private static long count(Connection conn) {
    return conn.execute("SELECT count(*) FROM bulk").fetchOne().getLong(0);
  }
}
