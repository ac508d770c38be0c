package dev.tusk.it.prepared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Automatic server-side preparation, observed through {@code pg_prepared_statements}: the
 * threshold, the per-call override, pgbouncer mode, LRU eviction, and recovery when the server's
 * statements go stale (ALTER TABLE) or disappear (DISCARD ALL, DEALLOCATE).
 */
@TuskTest
class AutomaticPreparationTest {

  private static final String ECHO = "SELECT $1::int + 1";

  /** The statements this session has prepared (checked with a statement never prepared). */
  private static List<String> prepared(Connection conn) {
    return conn
        .execute(
            Query.of(
                    "SELECT statement FROM pg_prepared_statements"
                        + " WHERE NOT from_sql ORDER BY prepare_time, name")
                .withPrepare(false))
        .fetchAll()
        .stream()
        .map(row -> row.getString(0))
        .toList();
  }

  private static Connection connect(TestSchema schema, String settings) {
    return Tusk.connect(schema.conninfo() + " " + settings);
  }

  @Test
  void aStatementIsPreparedOnItsSixthRunByDefault(Connection conn) {
    for (int run = 1; run <= 5; run++) {
      assertEquals(run + 1, conn.execute(ECHO, run).fetchOne().getInt(0));
      assertEquals(List.of(), prepared(conn), "after run " + run);
    }
    for (int run = 6; run <= 12; run++) {
      assertEquals(run + 1, conn.execute(ECHO, run).fetchOne().getInt(0));
      assertEquals(List.of(ECHO), prepared(conn), "after run " + run);
    }
  }

  @Test
  void thresholdZeroPreparesAtOnceAndNegativeNever(TestSchema schema) {
    try (Connection eager = connect(schema, "prepare_threshold=0");
        Connection never = connect(schema, "prepare_threshold=none")) {
      assertEquals(8, eager.execute(ECHO, 7).fetchOne().getInt(0));
      assertEquals(List.of(ECHO), prepared(eager));
      for (int run = 0; run < 20; run++) {
        assertEquals(run + 1, never.execute(ECHO, run).fetchOne().getInt(0));
      }
      assertEquals(List.of(), prepared(never), "pgbouncer mode uses only the unnamed statement");
    }
  }

  @Test
  void theCallersChoiceOverridesTheConnection(TestSchema schema) {
    try (Connection eager = connect(schema, "prepare_threshold=0")) {
      eager.execute(Query.of(ECHO).withPrepare(false), 1);
      assertEquals(List.of(), prepared(eager));
    }
    try (Connection never = connect(schema, "prepare_threshold=-1")) {
      assertEquals(2, never.execute(Query.of(ECHO).withPrepare(true), 1).fetchOne().getInt(0));
      assertEquals(List.of(ECHO), prepared(never));
    }
  }

  @Test
  void theLeastRecentlyUsedStatementIsDeallocated(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0 statement_cache_size=2")) {
      conn.execute("SELECT $1::int, 'a'", 1);
      conn.execute("SELECT $1::int, 'b'", 1);
      conn.execute("SELECT $1::int, 'a'", 1);
      conn.execute("SELECT $1::int, 'c'", 1);
      assertEquals(List.of("SELECT $1::int, 'a'", "SELECT $1::int, 'c'"), prepared(conn));
      assertEquals("b", conn.execute("SELECT $1::int, 'b'", 1).fetchOne().getString(1));
      assertEquals(2, prepared(conn).size());
    }
  }

  @Test
  void aPreparedRunReadsEachColumnInTheFormatItsCodecSupports(TestSchema schema) {
    // aclitem has no binary output at all: binary for it would be an error from the server.
    String sql = "SELECT $1::int8 * 2, 'postgres=r/postgres'::aclitem, now()::date";
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      for (long run = 0; run < 5; run++) {
        Row row = conn.execute(sql, run).fetchOne();
        assertEquals(run * 2, row.getLong(0));
        assertEquals("postgres=r/postgres", row.getString(1));
        assertEquals(java.time.LocalDate.class, row.get(2).getClass());
      }
    }
  }

  @Test
  void aSchemaChangeIsRetriedTransparentlyOutsideATransaction(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      conn.execute("CREATE TEMP TABLE gadget (id int, name text)");
      conn.execute("INSERT INTO gadget VALUES (1, 'cog')");
      assertEquals(2, conn.execute("SELECT * FROM gadget WHERE id = $1", 1).description().size());
      conn.execute("ALTER TABLE gadget ADD COLUMN weight int DEFAULT 7");
      assertEquals(
          Map.of("id", 1, "name", "cog", "weight", 7),
          conn.cursor(RowFactories.map())
              .execute("SELECT * FROM gadget WHERE id = $1", 1)
              .fetchOne());
      assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    }
  }

  @Test
  void aSchemaChangeInsideATransactionRaisesAndTheNextRunRecovers(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      conn.execute("CREATE TEMP TABLE gadget (id int, name text)");
      conn.execute("INSERT INTO gadget VALUES (1, 'cog')");
      conn.execute("SELECT * FROM gadget WHERE id = $1", 1);
      try (Transaction tx = conn.transaction()) {
        conn.execute("ALTER TABLE gadget ADD COLUMN weight int DEFAULT 7");
        FeatureNotSupported stale =
            assertThrows(
                FeatureNotSupported.class,
                () -> conn.execute("SELECT * FROM gadget WHERE id = $1", 1));
        assertEquals("0A000", stale.sqlState());
        assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
      }
      // The block rolled back, column and all; the statement is prepared afresh.
      assertEquals(
          Map.of("id", 1, "name", "cog"),
          conn.cursor(RowFactories.map())
              .execute("SELECT * FROM gadget WHERE id = $1", 1)
              .fetchOne());
    }
  }

  @Test
  void discardAllAndDeallocateAllAreNoticed(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      for (String reset : List.of("DISCARD ALL", "DEALLOCATE ALL")) {
        assertEquals(2, conn.execute(ECHO, 1).fetchOne().getInt(0));
        assertEquals(List.of(ECHO), prepared(conn));
        conn.execute(reset);
        assertEquals(List.of(), prepared(conn));
        assertEquals(3, conn.execute(ECHO, 2).fetchOne().getInt(0), "after " + reset);
        assertEquals(List.of(ECHO), prepared(conn), "prepared again after " + reset);
      }
    }
  }

  @Test
  void aStatementDeallocatedBehindTheDriversBackIsPreparedAgain(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      conn.execute(ECHO, 1);
      String name =
          conn.execute(
                  Query.of("SELECT name FROM pg_prepared_statements WHERE NOT from_sql")
                      .withPrepare(false))
              .fetchOne()
              .getString(0);
      // A statement name cannot be a parameter: DEALLOCATE takes an identifier.
      conn.execute(Query.of("DEALLOCATE " + name).withPrepare(false));
      assertEquals(11, conn.execute(ECHO, 10).fetchOne().getInt(0));
      assertEquals(List.of(ECHO), prepared(conn));
    }
  }

  @Test
  void aStatementThatFailsToParseIsNotKept(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      DatabaseError error =
          assertThrows(DatabaseError.class, () -> conn.execute("SELECT nope FROM nowhere"));
      assertEquals("42P01", error.sqlState());
      conn.execute("CREATE TEMP TABLE nowhere (nope int)");
      assertNull(conn.execute("SELECT nope FROM nowhere").fetchOne());
      assertEquals(List.of("SELECT nope FROM nowhere"), prepared(conn));
    }
  }

  @Test
  void aBadParameterValueLeavesThePreparedStatementUsable(TestSchema schema) {
    try (Connection conn = connect(schema, "prepare_threshold=0")) {
      assertEquals(2, conn.execute("SELECT $1::int + 1", 1).fetchOne().getInt(0));
      DatabaseError error =
          assertThrows(
              DatabaseError.class, () -> conn.execute("SELECT 1 / ($1::int - 1)", 1).fetchOne());
      assertInstanceOf(dev.tusk.errors.DivisionByZero.class, error);
      assertEquals(1, conn.execute("SELECT 1 / ($1::int - 1)", 2).fetchOne().getInt(0));
      assertTrue(prepared(conn).contains("SELECT 1 / ($1::int - 1)"));
    }
  }
}
