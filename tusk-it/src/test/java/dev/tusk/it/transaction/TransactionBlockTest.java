package dev.tusk.it.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.testing.TuskTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code transaction()} blocks and {@code inTransaction}: commit, rollback on close, nesting as
 * savepoints, and failed transactions that refuse to commit.
 */
@TuskTest
class TransactionBlockTest {

  @BeforeEach
  void createTable(Connection setup) {
    setup.execute("DROP TABLE IF EXISTS entries; CREATE TABLE entries (id int PRIMARY KEY)");
  }

  @Test
  void commitPublishesTheBlocksWork(Connection conn, Connection other) {
    try (Transaction tx = conn.transaction()) {
      assertFalse(tx.isSavepoint());
      conn.execute("INSERT INTO entries VALUES ($1)", 1);
      assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
      assertEquals(List.of(), ids(other));
      tx.commit();
    }

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(List.of(1), ids(other));
  }

  @Test
  void closingWithoutCommitRollsBack(Connection conn, Connection other) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES ($1)", 1);
    }

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(List.of(), ids(conn));
    assertEquals(List.of(), ids(other));
  }

  @Test
  void exceptionLeavingTheBlockRollsBack(Connection conn) {
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (Transaction tx = conn.transaction()) {
            conn.execute("INSERT INTO entries VALUES (1)");
            throw new IllegalStateException("application failure");
          }
        });

    assertEquals(List.of(), ids(conn));
  }

  @Test
  void explicitRollbackDiscardsAndEndsTheBlock(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES (1)");
      tx.rollback();
      assertThrows(ProgrammingError.class, tx::commit, "the block has ended");
    }

    assertEquals(List.of(), ids(conn));
  }

  @Test
  void nestedBlockIsASavepointWhoseFailureLeavesTheOuterWork(Connection conn, Connection other) {
    try (Transaction outer = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES (1)");
      try (Transaction inner = conn.transaction()) {
        assertTrue(inner.isSavepoint());
        conn.execute("INSERT INTO entries VALUES (2)");
        assertThrows(UniqueViolation.class, () -> conn.execute("INSERT INTO entries VALUES (1)"));
        assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
      }
      assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
      conn.execute("INSERT INTO entries VALUES (3)");
      outer.commit();
    }

    assertEquals(List.of(1, 3), ids(other));
  }

  @Test
  void committedSavepointIsUndoneWithItsOuterTransaction(Connection conn) {
    try (Transaction outer = conn.transaction()) {
      try (Transaction inner = conn.transaction()) {
        conn.execute("INSERT INTO entries VALUES (1)");
        inner.commit();
      }
      assertEquals(List.of(1), ids(conn));
      outer.rollback();
    }

    assertEquals(List.of(), ids(conn));
  }

  @Test
  void savepointsNestSeveralLevels(Connection conn) {
    try (Transaction level1 = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES (1)");
      try (Transaction level2 = conn.transaction()) {
        conn.execute("INSERT INTO entries VALUES (2)");
        try (Transaction level3 = conn.transaction()) {
          assertTrue(level3.isSavepoint());
          conn.execute("INSERT INTO entries VALUES (3)");
        }
        level2.commit();
      }
      level1.commit();
    }

    assertEquals(List.of(1, 2), ids(conn));
  }

  @Test
  void inTransactionCommitsWhenTheWorkReturns(Connection conn, Connection other) {
    int inserted =
        conn.inTransaction(
            c -> {
              c.execute("INSERT INTO entries VALUES (1), (2)");
              return (int) c.execute("SELECT count(*) FROM entries").fetchOne().getLong(0);
            });

    assertEquals(2, inserted);
    assertEquals(List.of(1, 2), ids(other));
  }

  @Test
  void inTransactionRollsBackAndRethrowsWhenTheWorkThrows(Connection conn) {
    IllegalStateException thrown = new IllegalStateException("application failure");

    IllegalStateException caught =
        assertThrows(
            IllegalStateException.class,
            () ->
                conn.inTransaction(
                    c -> {
                      c.execute("INSERT INTO entries VALUES (1)");
                      throw thrown;
                    }));

    assertSame(thrown, caught);
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(List.of(), ids(conn));
  }

  @Test
  void inTransactionPropagatesADatabaseErrorAndRollsBack(Connection conn) {
    assertThrows(
        UniqueViolation.class,
        () ->
            conn.inTransaction(
                c -> c.execute("INSERT INTO entries VALUES (1); INSERT INTO entries VALUES (1)")));

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(List.of(), ids(conn));
  }

  @Test
  void inTransactionInsideABlockIsASavepoint(Connection conn) {
    try (Transaction outer = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES (1)");
      assertThrows(
          DivisionByZero.class,
          () ->
              conn.inTransaction(
                  c -> {
                    c.execute("INSERT INTO entries VALUES (2)");
                    return c.execute("SELECT 1 / 0");
                  }));
      conn.execute("INSERT INTO entries VALUES (3)");
      outer.commit();
    }

    assertEquals(List.of(1, 3), ids(conn));
  }

  @Test
  void committingABlockInWhichAStatementFailedRaisesTransactionRollback(
      Connection conn, Connection other) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES (1)");
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));

      TransactionRollback error = assertThrows(TransactionRollback.class, tx::commit);
      assertTrue(error.sqlState().startsWith("40"), error.sqlState());
    }

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(List.of(), ids(other));
  }

  @Test
  void connectionCommitOrRollbackInsideABlockIsProgrammingError(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("INSERT INTO entries VALUES (1)");

      assertThrows(ProgrammingError.class, conn::commit);
      assertThrows(ProgrammingError.class, conn::rollback);

      assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
      tx.commit();
    }

    assertEquals(List.of(1), ids(conn));
  }

  @Test
  void blockInsideTheImplicitTransactionOfAutocommitOffIsASavepoint(
      Connection conn, Connection other) {
    conn.setAutocommit(false);
    conn.execute("INSERT INTO entries VALUES (1)");

    try (Transaction tx = conn.transaction()) {
      assertTrue(tx.isSavepoint());
      conn.execute("INSERT INTO entries VALUES (2)");
    }
    assertEquals(List.of(1), ids(conn));
    assertEquals(List.of(), ids(other));

    conn.commit();
    assertEquals(List.of(1), ids(other));
  }

  @Test
  void blockWithAutocommitOffAndNoOpenTransactionIsATopLevelTransaction(
      Connection conn, Connection other) {
    conn.setAutocommit(false);

    try (Transaction tx = conn.transaction()) {
      assertFalse(tx.isSavepoint());
      conn.execute("INSERT INTO entries VALUES (1)");
      tx.commit();
    }

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(List.of(1), ids(other));
  }

  private static List<Object> ids(Connection conn) {
    return conn.execute("SELECT id FROM entries ORDER BY id").fetchAll().stream()
        .map(row -> row.get(0))
        .toList();
  }
}
