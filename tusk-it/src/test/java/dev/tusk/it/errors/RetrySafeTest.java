package dev.tusk.it.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.IsolationLevel;
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DeadlockDetected;
import dev.tusk.errors.OperationalError;
import dev.tusk.errors.SerializationFailure;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * {@code isRetrySafe()} on errors of the real server: a genuine serialization failure between two
 * connections, and the 40001 and 40P01 classes raised on purpose.
 */
@TuskTest
class RetrySafeTest {

  private static final TransactionOptions SERIALIZABLE =
      TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.SERIALIZABLE);

  @Test
  void concurrentUpdateUnderSerializableIsRetrySafe(Connection first, Connection second) {
    first.execute("CREATE TABLE counter (id int PRIMARY KEY, n int)");
    first.execute("INSERT INTO counter VALUES (1, 0)");

    try (Transaction tx = first.transaction(SERIALIZABLE)) {
      // The snapshot is taken here, before the other connection's update commits.
      assertEquals(0, first.execute("SELECT n FROM counter WHERE id = 1").fetchOne().getInt(0));
      second.execute("UPDATE counter SET n = n + 1 WHERE id = 1");

      TransactionRollback caught =
          assertThrows(
              TransactionRollback.class,
              () -> first.execute("UPDATE counter SET n = n + 1 WHERE id = 1"));

      SerializationFailure failure = assertInstanceOf(SerializationFailure.class, caught);
      assertEquals("40001", failure.sqlState());
      assertTrue(failure.isRetrySafe());
      assertInstanceOf(OperationalError.class, failure);
      assertEquals(TransactionStatus.IN_ERROR, first.info().transactionStatus());
      tx.rollback();
    }
    assertEquals(1, first.execute("SELECT n FROM counter WHERE id = 1").fetchOne().getInt(0));
  }

  @Test
  void raisedSerializationFailureMapsToItsClass(Connection conn) {
    SerializationFailure failure =
        assertThrows(
            SerializationFailure.class,
            () ->
                conn.execute(
                    "DO $$ BEGIN RAISE EXCEPTION 'try again' USING ERRCODE = '40001'; END $$"));
    assertEquals("try again", failure.diagnostic().messagePrimary());
    assertTrue(failure.isRetrySafe());
  }

  @Test
  void raisedDeadlockIsRetrySafe(Connection conn) {
    DeadlockDetected deadlock =
        assertThrows(
            DeadlockDetected.class,
            () ->
                conn.execute(
                    "DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END $$"));
    assertTrue(deadlock.isRetrySafe());
  }

  @Test
  void otherTransactionRollbacksAreNotRetrySafe(Connection conn) {
    TransactionRollback rollback =
        assertThrows(
            TransactionRollback.class,
            () ->
                conn.execute(
                    "DO $$ BEGIN RAISE EXCEPTION 'unknown' USING ERRCODE = '40003'; END $$"));
    assertEquals("40003", rollback.sqlState());
    assertFalse(rollback.isRetrySafe());
  }
}
