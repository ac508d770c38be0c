package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.errors.CheckViolation;
import dev.tusk.errors.DataError;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.DatatypeMismatch;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.InvalidTextRepresentation;
import dev.tusk.errors.NotNullViolation;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rewrite_batched_inserts}: what a rewritten executeMany must keep (the row count, the
 * errors, the unit, the connection's state), and the statements it must leave alone. Each test
 * compares with a connection without the option. Whether a call was rewritten shows in its command
 * tags: a rewritten statement inserts many rows ({@code INSERT 0 n}), one Bind per set inserts one
 * each; and in a statement-level trigger, which fires once per statement.
 */
@TuskTest
class RewrittenInsertsTest {

  private static final String INSERT = "INSERT INTO bulk (id, note) VALUES ($1, $2)";

  /** Enough sets for several requests of 64 KiB, so the rewrite's chunks run in flight. */
  private static final int MANY = 12_000;

  private static final String PAD = "x".repeat(90);

  private Connection rewriting;
  private String conninfo;

  @BeforeEach
  void createTable(Connection conn, TestSchema schema) {
    conn.execute(
        "DROP TABLE IF EXISTS bulk, statements, copy_of_bulk, pairs, tagged;"
            + " CREATE TABLE bulk (id int PRIMARY KEY, note text NOT NULL CHECK (note <> 'bad'));"
            + " CREATE TABLE statements (n int);"
            + " CREATE OR REPLACE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$BEGIN INSERT INTO statements VALUES (1); RETURN NULL; END$$;"
            + " CREATE TRIGGER per_statement AFTER INSERT ON bulk"
            + " FOR EACH STATEMENT EXECUTE FUNCTION count_statement()");
    conninfo = schema.conninfo() + " rewrite_batched_inserts=on";
    rewriting = Tusk.connect(conninfo);
  }

  @AfterEach
  void close() {
    rewriting.close();
  }

  @Test
  void theOptionIsOffByDefault(Connection conn) {
    Cursor<Row> cursor = conn.cursor().executeMany(INSERT, sets(1, 5));

    assertEquals("INSERT 0 1", cursor.statusMessage());
    assertEquals(5L, statements(conn));
  }

  @Test
  void aSmallCallIsOneStatementWithTheTotalRowCount(Connection conn) {
    Cursor<Row> cursor = rewriting.cursor().executeMany(INSERT, sets(1, 100));

    assertEquals(100, cursor.rowCount());
    assertEquals("INSERT 0 100", cursor.statusMessage());
    assertFalse(cursor.nextSet(), "one result: the one statement's");
    assertEquals(1L, statements(conn), "a statement trigger fires once for the call");
    assertEquals(List.of(100L, 5050L), countAndSum(conn));
  }

  @Test
  void aLargeCallRunsAsSeveralStatementsInFlightAndCountsEveryRow(Connection conn) {
    Cursor<Row> cursor = rewriting.cursor().executeMany(INSERT, sets(1, MANY));

    assertEquals(MANY, cursor.rowCount());
    long statements = statements(conn);
    assertTrue(statements > 1 && statements < 100, "statements: " + statements);
    assertEquals(List.of((long) MANY, MANY * (MANY + 1L) / 2), countAndSum(conn));
    assertEquals(TransactionStatus.IDLE, rewriting.info().transactionStatus());
  }

  @Test
  void theRowsAreThoseOfOneSetPerBind(Connection conn) {
    conn.execute("CREATE TABLE copy_of_bulk (LIKE bulk)");
    List<Object[]> sets = sets(1, MANY);
    sets.set(17, new Object[] {18, "quote ' \" and \\ and {,} NULL"});

    rewriting.cursor().executeMany(INSERT, sets);
    conn.cursor().executeMany("INSERT INTO copy_of_bulk (id, note) VALUES ($1, $2)", sets);

    assertEquals(
        0L,
        conn.execute(
                "SELECT count(*) FROM ((TABLE bulk EXCEPT TABLE copy_of_bulk)"
                    + " UNION ALL (TABLE copy_of_bulk EXCEPT TABLE bulk)) d")
            .fetchOne()
            .getLong(0));
  }

  @Test
  void aDuplicateKeyFailsTheCallNamesTheKeyAndLeavesTheConnectionUsable(Connection conn) {
    List<Object[]> sets = sets(1, MANY);
    sets.set(MANY - 100, new Object[] {7, "duplicate of set 7"});

    UniqueViolation error =
        assertThrows(UniqueViolation.class, () -> rewriting.cursor().executeMany(INSERT, sets));

    assertEquals("Key (id)=(7) already exists.", error.diagnostic().messageDetail());
    assertEquals(TransactionStatus.IDLE, rewriting.info().transactionStatus());
    assertEquals(List.of(0L, 0L), countAndSum(conn), "every set undone");
    assertEquals(MANY, rewriting.cursor().executeMany(INSERT, sets(1, MANY)).rowCount());
  }

  @Test
  void inATransactionAFailingRowAbortsItAsOneSetPerBindWould(Connection conn) {
    List<Object[]> sets = sets(1, 50);
    sets.set(30, new Object[] {31, "bad"});

    try (Transaction tx = rewriting.transaction()) {
      rewriting.execute("INSERT INTO bulk VALUES (-1, 'before')");
      CheckViolation error =
          assertThrows(CheckViolation.class, () -> rewriting.cursor().executeMany(INSERT, sets));
      assertTrue(error.getMessage().contains("bulk_note_check"), error.getMessage());

      assertEquals(TransactionStatus.IN_ERROR, rewriting.info().transactionStatus());
      assertThrows(InFailedSqlTransaction.class, () -> rewriting.execute("SELECT 1"));
      tx.rollback();
    }
    assertEquals(List.of(0L, 0L), countAndSum(conn));
    assertEquals(1, rewriting.execute("SELECT 1").fetchOne().getInt(0), "usable after rollback");
  }

  @Test
  void inATransactionASetThatCannotBeEncodedLeavesTheTransactionAsItWas(Connection conn) {
    List<Object[]> sets = sets(1, MANY);
    sets.set(MANY - 50, new Object[] {MANY - 49, "NUL \0"});

    try (Transaction tx = rewriting.transaction()) {
      rewriting.execute("INSERT INTO bulk VALUES (-1, 'before')");
      DataError error =
          assertThrows(DataError.class, () -> rewriting.cursor().executeMany(INSERT, sets));
      assertTrue(
          error.getMessage().startsWith("parameter $2 of set " + (MANY - 49) + ": "),
          error.getMessage());
      assertEquals(TransactionStatus.IN_TRANSACTION, rewriting.info().transactionStatus());
      tx.commit();
    }
    assertEquals(List.of(1L, -1L), countAndSum(conn));
  }

  @Test
  void errorsAreThoseOfOneSetPerBind(Connection conn) {
    List<Object[]> nullNote = sets(1, 20);
    nullNote.set(12, new Object[] {13, null});
    assertSameError(conn, NotNullViolation.class, INSERT, nullNote);

    List<Object[]> notANumber = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      notANumber.add(new Object[] {i == 9 ? "nine" : Integer.toString(i), "n"});
    }
    assertSameError(conn, InvalidTextRepresentation.class, INSERT, notANumber);

    assertSameError(
        conn, UndefinedTable.class, "INSERT INTO missing (a, b) VALUES ($1, $2)", sets(1, 3));
  }

  @Test
  void autocommitOffKeepsTheRowsInTheOpenTransaction(Connection conn) {
    rewriting.setAutocommit(false);
    assertEquals(300, rewriting.cursor().executeMany(INSERT, sets(1, 300)).rowCount());
    assertEquals(TransactionStatus.IN_TRANSACTION, rewriting.info().transactionStatus());
    rewriting.rollback();

    assertEquals(List.of(0L, 0L), countAndSum(conn));
  }

  @Test
  void onConflictDoNothingCountsTheRowsInsertedAsOneSetPerBindDoes(Connection conn) {
    String insert = INSERT + " ON CONFLICT (id) DO NOTHING";
    conn.execute("INSERT INTO bulk VALUES (5, 'there before')");
    List<Object[]> sets = sets(1, 10);
    sets.add(new Object[] {3, "again within the call"});

    Cursor<Row> cursor = rewriting.cursor().executeMany(insert, sets);

    assertEquals(9, cursor.rowCount(), "ids 1-10 but the 5 already there; the second 3 skipped");
    assertEquals("INSERT 0 9", cursor.statusMessage());
    assertEquals(
        PAD + 3, conn.execute("SELECT note FROM bulk WHERE id = 3").fetchOne().getString(0));
    conn.execute("TRUNCATE bulk; INSERT INTO bulk VALUES (5, 'there before')");
    assertEquals(9, conn.cursor().executeMany(insert, sets).rowCount(), "the same one set a Bind");
  }

  @Test
  void aRowTriggerThatSkipsRowsIsCountedAsOneSetPerBindIs(Connection conn) {
    conn.execute(
        "CREATE OR REPLACE FUNCTION skip_odd() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$BEGIN IF NEW.id % 2 = 1 THEN RETURN NULL; END IF; RETURN NEW; END$$;"
            + " CREATE TRIGGER skip_odd BEFORE INSERT ON bulk FOR EACH ROW EXECUTE FUNCTION"
            + " skip_odd()");

    assertEquals(50, rewriting.cursor().executeMany(INSERT, sets(1, 100)).rowCount());
    assertEquals(50, conn.cursor().executeMany(INSERT, sets(101, 200)).rowCount());
  }

  @Test
  void namedPlaceholdersInAnyOrderAreRewritten(Connection conn) {
    List<Map<String, Object>> sets = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sets.add(Map.of("note", "n" + i, "id", i));
    }

    Cursor<Row> cursor =
        rewriting.cursor().executeMany("INSERT INTO bulk (note, id) VALUES (:note, :id)", sets);

    assertEquals("INSERT 0 10", cursor.statusMessage());
    assertEquals("n7", conn.execute("SELECT note FROM bulk WHERE id = 7").fetchOne().getString(0));
  }

  @Test
  void statementsTheRewriteDoesNotFitRunOneSetPerBind(Connection conn) {
    conn.execute(
        "CREATE TABLE pairs (a int, b int); CREATE TABLE tagged (id int, tags text[]);"
            + " CREATE TRIGGER per_statement AFTER INSERT ON pairs"
            + " FOR EACH STATEMENT EXECUTE FUNCTION count_statement();"
            + " CREATE TRIGGER per_statement AFTER INSERT ON tagged"
            + " FOR EACH STATEMENT EXECUTE FUNCTION count_statement()");
    List<Object[]> sets = sets(1, 4);
    List<Object[]> numbers = List.of(new Object[] {1}, new Object[] {2}, new Object[] {3});
    List<Object[]> tags =
        List.of(new Object[] {1, List.of("a", "b")}, new Object[] {2, List.of("c")});

    assertOneSetPerBind(conn, "INSERT INTO bulk (id, note) VALUES ($1, $2) RETURNING id", sets);
    assertOneSetPerBind(conn, "INSERT INTO bulk (id, note) VALUES ($1, lower($2))", sets);
    assertOneSetPerBind(conn, "INSERT INTO pairs (a, b) VALUES ($1, $1)", numbers);
    assertOneSetPerBind(
        conn, "INSERT INTO bulk (id, note) SELECT $1, $2 /* VALUES ($1, $2) */", sets);
    assertOneSetPerBind(conn, "INSERT INTO tagged (id, tags) VALUES ($1, $2)", tags);
    assertOneSetPerBind(
        conn,
        "INSERT INTO bulk (id, note) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET note = 'u'",
        sets);
  }

  @Test
  void returningStillGivesEachSetItsRows() {
    Cursor<Row> cursor =
        rewriting
            .cursor()
            .executeMany(
                "INSERT INTO bulk (id, note) VALUES ($1, $2) RETURNING id * 10", sets(1, 3));

    List<Integer> returned = new ArrayList<>();
    do {
      returned.add(cursor.fetchOne().getInt(0));
    } while (cursor.nextSet());
    assertEquals(List.of(10, 20, 30), returned);
  }

  @Test
  void theAsyncFaceRewritesToo(Connection conn) throws Exception {
    AsyncCursor<Row> cursor = rewriting.async().cursor().executeMany(INSERT, sets(1, MANY)).get();

    assertEquals(MANY, cursor.rowCount());
    assertTrue(statements(conn) < 100, "statements: " + statements(conn));
    assertEquals(List.of((long) MANY, MANY * (MANY + 1L) / 2), countAndSum(conn));
  }

  @Test
  void aPoolsConnectionsTakeTheOptionFromTheConninfo(Connection conn) {
    try (ConnectionPool pool = new ConnectionPool(conninfo, PoolOptions.defaults())) {
      String tag =
          pool.withConnection(c -> c.cursor().executeMany(INSERT, sets(1, 20)).statusMessage());
      assertEquals("INSERT 0 20", tag);
    }
    assertEquals(1L, statements(conn));
  }

  @Test
  void aTableChangedUnderTheCachedDescriptionFailsOneCallThenIsDescribedAgain(Connection conn) {
    rewriting.cursor().executeMany(INSERT, sets(1, 5));
    conn.execute(
        "ALTER TABLE bulk DROP CONSTRAINT bulk_note_check, ALTER COLUMN note TYPE int USING 0");
    List<Object[]> numbers = new ArrayList<>();
    for (int i = 6; i <= 10; i++) {
      numbers.add(new Object[] {i, Integer.toString(i)});
    }

    // The Strings were described as text, as a prepared statement's parameters stay typed.
    DatatypeMismatch error =
        assertThrows(DatatypeMismatch.class, () -> rewriting.cursor().executeMany(INSERT, numbers));
    assertTrue(error.getMessage().contains("\"note\" is of type integer"), error.getMessage());

    assertEquals("INSERT 0 5", rewriting.cursor().executeMany(INSERT, numbers).statusMessage());
    assertEquals(40L, conn.execute("SELECT sum(note) FROM bulk").fetchOne().getLong(0));
  }

  private void assertOneSetPerBind(Connection conn, String sql, List<Object[]> sets) {
    conn.execute("TRUNCATE bulk, pairs, tagged, statements");
    Cursor<Row> cursor = rewriting.cursor().executeMany(sql, sets);
    int results = 1;
    assertEquals("INSERT 0 1", cursor.statusMessage(), sql);
    while (cursor.nextSet()) {
      results++;
    }
    assertEquals(sets.size(), results, sql);
    assertEquals(sets.size(), statements(conn), sql);
  }

  private <E extends DatabaseError> void assertSameError(
      Connection conn, Class<E> type, String sql, List<Object[]> sets) {
    Function<Connection, E> run =
        connection -> assertThrows(type, () -> connection.cursor().executeMany(sql, sets), sql);
    E plain = run.apply(conn);
    E rewritten = run.apply(rewriting);
    assertEquals(plain.getMessage(), rewritten.getMessage(), sql);
    assertEquals(plain.diagnostic().messageDetail(), rewritten.diagnostic().messageDetail(), sql);
    assertEquals(TransactionStatus.IDLE, rewriting.info().transactionStatus());
    assertEquals(0L, countAndSum(conn).get(0));
  }

  private static List<Object[]> sets(int from, int to) {
    List<Object[]> sets = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      sets.add(new Object[] {i, PAD + i});
    }
    return sets;
  }

  private static List<Long> countAndSum(Connection conn) {
    Row row = conn.execute("SELECT count(*), coalesce(sum(id), 0) FROM bulk").fetchOne();
    return List.of(row.getLong(0), row.getLong(1));
  }

  private static long statements(Connection conn) {
    return conn.execute("SELECT count(*) FROM statements").fetchOne().getLong(0);
  }
}
