package dev.tusk.it.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Autocommit on (the default: every statement commits) and off (DB-API style: an implicit BEGIN,
 * ended by commit() or rollback()), seen from a second connection.
 */
@TuskTest
class AutocommitTest {

  @BeforeEach
  void createTable(Connection setup) {
    setup.execute("DROP TABLE IF EXISTS ledger; CREATE TABLE ledger (id int PRIMARY KEY)");
  }

  @Test
  void autocommitIsOnByDefaultAndEachStatementIsVisibleAtOnce(Connection conn, Connection other) {
    assertTrue(conn.autocommit());

    conn.execute("INSERT INTO ledger VALUES ($1)", 1);

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(1L, count(other));
  }

  @Test
  void autocommitOffOpensATransactionThatOthersCannotSeeUntilCommit(
      Connection conn, Connection other) {
    conn.setAutocommit(false);
    assertFalse(conn.autocommit());

    conn.execute("INSERT INTO ledger VALUES ($1)", 1);
    conn.execute("INSERT INTO ledger VALUES ($1)", 2);

    assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
    assertEquals(2L, count(conn));
    assertEquals(0L, count(other));

    conn.commit();

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(2L, count(other));
  }

  @Test
  void rollbackDiscardsTheImplicitTransaction(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES ($1)", 1);

    conn.rollback();

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, count(conn));
    assertEquals(0L, count(other));
  }

  @Test
  void nextStatementAfterCommitOpensANewTransaction(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");
    conn.commit();

    conn.execute("INSERT INTO ledger VALUES (2)");

    assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
    assertEquals(1L, count(other));
    conn.rollback();
    assertEquals(1L, count(other));
  }

  @Test
  void commitAndRollbackWithoutAnOpenTransactionDoNothing(Connection conn) {
    conn.setAutocommit(false);

    conn.commit();
    conn.rollback();

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void changingAutocommitWhileATransactionIsOpenIsProgrammingError(Connection conn) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");

    assertThrows(ProgrammingError.class, () -> conn.setAutocommit(true));

    assertFalse(conn.autocommit());
    conn.rollback();
    conn.setAutocommit(true);
    assertTrue(conn.autocommit());
  }

  @Test
  void settingAutocommitToItsCurrentValueInATransactionIsAllowed(Connection conn) {
    conn.setAutocommit(false);
    conn.execute("SELECT 1");

    conn.setAutocommit(false);

    assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
  }

  @Test
  void failedStatementLeavesTheTransactionFailedUntilRollback(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");

    assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
    assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
    assertThrows(InFailedSqlTransaction.class, () -> conn.execute("SELECT 1"));

    conn.rollback();
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().get(0));
    assertEquals(0L, count(other));
  }

  @Test
  void commitOfAFailedTransactionRaisesTransactionRollback(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");
    assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));

    TransactionRollback error = assertThrows(TransactionRollback.class, conn::commit);

    assertTrue(error.sqlState().startsWith("40"), error.sqlState());
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, count(other));
  }

  @Test
  void commitBySqlEndsTheImplicitTransactionToo(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");

    conn.execute("COMMIT");

    assertEquals(1L, count(other));
    conn.execute("INSERT INTO ledger VALUES (2)");
    assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
    conn.rollback();
    assertEquals(1L, count(other));
  }

  @Test
  void aBlockAfterCommitBySqlIsARealTransaction(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");
    conn.execute("COMMIT");

    // The implicit transaction is over: the block must BEGIN, not make a savepoint in nothing
    // (which fails and leaves the block's statements to autocommit one by one).
    try (Transaction block = conn.transaction()) {
      conn.execute("INSERT INTO ledger VALUES (2)");
      assertEquals(1L, count(other));
      block.rollback();
    }

    assertEquals(1L, count(other));
  }

  @Test
  void autocommitCanBeTurnedOnAfterCommitBySql(Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO ledger VALUES (1)");
    conn.execute("COMMIT");

    conn.setAutocommit(true);
    conn.execute("INSERT INTO ledger VALUES (2)");

    assertEquals(2L, count(other));
  }

  private static long count(Connection conn) {
    return conn.execute("SELECT count(*) FROM ledger").fetchOne().getLong(0);
  }
}
