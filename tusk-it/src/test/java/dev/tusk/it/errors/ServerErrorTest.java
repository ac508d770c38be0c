package dev.tusk.it.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.IntegrityError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.RaiseException;
import dev.tusk.errors.SyntaxError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors the real server reports: the exception class for the SQLSTATE, every diagnostic field,
 * notices, and the state of the connection and its transaction afterwards.
 */
@TuskTest
class ServerErrorTest {

  @Test
  void uniqueViolationCarriesEveryRelevantField(Connection conn, TestSchema schema) {
    conn.execute("CREATE TABLE pets (id int CONSTRAINT pets_pkey PRIMARY KEY, name text)");
    conn.execute("INSERT INTO pets VALUES (1, 'Tusk')");

    IntegrityError caught =
        assertThrows(
            IntegrityError.class, () -> conn.execute("INSERT INTO pets VALUES (1, 'Ivory')"));

    UniqueViolation error = assertInstanceOf(UniqueViolation.class, caught);
    Diagnostic diagnostic = error.diagnostic();
    assertEquals("23505", error.sqlState());
    assertEquals("23505", diagnostic.sqlState());
    assertEquals("ERROR", diagnostic.severity());
    assertEquals("ERROR", diagnostic.severityNonLocalized());
    assertEquals(
        "duplicate key value violates unique constraint \"pets_pkey\"",
        diagnostic.messagePrimary());
    assertEquals("Key (id)=(1) already exists.", diagnostic.messageDetail());
    assertEquals(schema.name(), diagnostic.schemaName());
    assertEquals("pets", diagnostic.tableName());
    assertEquals("pets_pkey", diagnostic.constraintName());
    assertNotNull(diagnostic.sourceFile());
    assertTrue(error.getMessage().contains(diagnostic.messagePrimary()), error.getMessage());
    assertTrue(error.getMessage().contains("Key (id)=(1) already exists."), error.getMessage());
    assertFalse(error.isRetrySafe());
    assertUsable(conn);
  }

  @Test
  void syntaxErrorHasTheStatementPosition(Connection conn) {
    SyntaxError error = assertThrows(SyntaxError.class, () -> conn.execute("SELECT 1 FROM WHERE"));
    assertEquals("42601", error.sqlState());
    assertEquals(15, error.diagnostic().statementPosition());
    assertInstanceOf(ProgrammingError.class, error);
    assertUsable(conn);
  }

  @Test
  void raiseExceptionExposesDetailHintAndContext(Connection conn) {
    String block =
        """
        DO $$
        BEGIN
          RAISE EXCEPTION 'custom failure %', 42
            USING DETAIL = 'the detail', HINT = 'the hint';
        END
        $$""";
    RaiseException error = assertThrows(RaiseException.class, () -> conn.execute(block));
    Diagnostic diagnostic = error.diagnostic();
    assertEquals("P0001", error.sqlState());
    assertEquals("custom failure 42", diagnostic.messagePrimary());
    assertEquals("the detail", diagnostic.messageDetail());
    assertEquals("the hint", diagnostic.messageHint());
    assertTrue(
        diagnostic.context().contains("PL/pgSQL function inline_code_block"), diagnostic.context());
    assertTrue(error.getMessage().contains("DETAIL: the detail"), error.getMessage());
    assertTrue(error.getMessage().contains("HINT: the hint"), error.getMessage());
    assertUsable(conn);
  }

  @Test
  void noticesBreakNothing(Connection conn) {
    conn.execute(
        """
        CREATE FUNCTION noisy(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$
        BEGIN
          FOR i IN 1..n LOOP
            RAISE NOTICE 'row %', i;
            RETURN NEXT i;
          END LOOP;
        END
        $$""");
    conn.execute("DO $$ BEGIN RAISE NOTICE 'hello from a DO block'; END $$");

    List<Row> rows = conn.execute("SELECT noisy($1)", 500).fetchAll();

    assertEquals(500, rows.size());
    assertEquals(500, rows.get(499).getInt(0));
    conn.execute("SET client_min_messages = debug1");
    assertEquals(3, conn.execute("SELECT count(*) FROM noisy(3)").fetchOne().getLong(0));
    assertUsable(conn);
  }

  @Test
  void everyErrorLeavesTheConnectionUsable(Connection conn) {
    assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
    assertUsable(conn);
    assertThrows(UndefinedTable.class, () -> conn.execute("SELECT * FROM tusk_no_such_table"));
    assertUsable(conn);
    assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / $1", 0));
    assertUsable(conn);
    assertThrows(SyntaxError.class, () -> conn.execute("SELECT 1; SELEC 2"));
    assertUsable(conn);
  }

  @Test
  void failedTransactionRejectsStatementsUntilRollback(Connection conn) {
    conn.execute("BEGIN");
    assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));

    InFailedSqlTransaction first =
        assertThrows(InFailedSqlTransaction.class, () -> conn.execute("SELECT 1"));
    assertEquals("25P02", first.sqlState());
    assertThrows(InFailedSqlTransaction.class, () -> conn.execute("SELECT $1::int", 2));
    assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());

    conn.execute("ROLLBACK");
    assertUsable(conn);
  }

  @Test
  void failedTransactionBlockRejectsStatementsUntilItEnds(Connection conn) {
    conn.execute("CREATE TABLE kept (id int)");
    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO kept VALUES (1)");
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
      assertThrows(InFailedSqlTransaction.class, () -> conn.execute("SELECT 1"));
      TransactionRollback rolledBack = assertThrows(TransactionRollback.class, tx::commit);
      assertEquals("40000", rolledBack.sqlState());
    }
    assertEquals(0, conn.execute("SELECT count(*) FROM kept").fetchOne().getLong(0));
    assertUsable(conn);
  }

  @Test
  void rollingBackABlockRaisesNothing(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
      tx.rollback();
    }
    try (Transaction tx = conn.transaction()) {
      assertFalse(tx.isSavepoint());
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      // Closed without commit: rolls back, quietly.
    }
    assertUsable(conn);
  }

  private static void assertUsable(Connection conn) {
    assertEquals(7, conn.execute("SELECT $1::int + 1", 6).fetchOne().getInt(0));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }
}
