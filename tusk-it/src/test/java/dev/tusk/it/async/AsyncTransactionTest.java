package dev.tusk.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.AsyncTransaction;
import dev.tusk.Connection;
import dev.tusk.IsolationLevel;
import dev.tusk.Row;
import dev.tusk.TransactionOptions;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The async transaction object: a block and its savepoints as futures, holding the connection as a
 * sync block does, never blocking the caller, and never holding the connection once forgotten.
 */
@TuskTest
@Timeout(60)
class AsyncTransactionTest {

  @BeforeEach
  void createTable(Connection conn) {
    conn.execute("DROP TABLE IF EXISTS entry");
    conn.execute("CREATE TABLE entry (id int PRIMARY KEY)");
  }

  private static <T> T await(CompletableFuture<T> future) {
    return future.orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    CompletionException failed =
        assertThrows(
            CompletionException.class, () -> future.orTimeout(30, TimeUnit.SECONDS).join());
    return failed.getCause();
  }

  private static List<Integer> ids(Connection conn) {
    return conn.execute("SELECT id FROM entry ORDER BY id").fetchAll().stream()
        .map(row -> row.getInt(0))
        .toList();
  }

  @Test
  void aCommittedBlockKeepsItsStatementsAndARolledBackOneDoesNot(Connection conn) {
    AsyncConnection async = conn.async();
    AsyncTransaction kept = await(async.transaction());
    CompletableFuture<AsyncCursor<Row>> one = kept.execute("INSERT INTO entry VALUES ($1)", 1);
    CompletableFuture<AsyncCursor<Row>> two = kept.execute("INSERT INTO entry VALUES ($1)", 2);
    await(kept.commit());
    assertEquals(1, await(one).rowCount());
    assertEquals(1, await(two).rowCount());

    AsyncTransaction dropped = await(async.transaction());
    await(dropped.execute("INSERT INTO entry VALUES ($1)", 3));
    await(dropped.rollback());

    assertEquals(List.of(1, 2), ids(conn));
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void otherCallersWaitUntilTheBlockEnds(Connection conn) throws Exception {
    AsyncTransaction tx = await(conn.async().transaction());
    await(tx.execute("INSERT INTO entry VALUES ($1)", 1));
    CompletableFuture<List<Integer>> other =
        CompletableFuture.supplyAsync(
            () -> ids(conn), command -> Thread.ofVirtual().start(command));
    Thread.sleep(300);
    assertFalse(other.isDone(), "another caller's statement must not run inside the block");
    await(tx.commit());
    assertEquals(List.of(1), await(other), "it ran after the commit");
  }

  @Test
  void aFailedStatementMakesTheCommitFailAndKeepsNothing(Connection conn) {
    AsyncTransaction tx = await(conn.async().transaction());
    tx.execute("INSERT INTO entry VALUES ($1)", 1);
    CompletableFuture<AsyncCursor<Row>> duplicate = tx.execute("INSERT INTO entry VALUES ($1)", 1);
    assertInstanceOf(UniqueViolation.class, failureOf(duplicate));
    assertInstanceOf(TransactionRollback.class, failureOf(tx.commit()));
    assertEquals(List.of(), ids(conn));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void aSavepointRolledBackLeavesTheRestOfTheBlock(Connection conn) {
    AsyncTransaction tx = await(conn.async().transaction());
    tx.execute("INSERT INTO entry VALUES ($1)", 1);
    AsyncTransaction savepoint = await(tx.savepoint());
    assertTrue(savepoint.isSavepoint());
    assertFalse(tx.isSavepoint());
    savepoint.execute("INSERT INTO entry VALUES ($1)", 2);
    assertInstanceOf(
        ProgrammingError.class, failureOf(tx.commit()), "the savepoint inside is still open");
    await(savepoint.rollback());
    tx.execute("INSERT INTO entry VALUES ($1)", 3);
    await(tx.commit());
    assertEquals(List.of(1, 3), ids(conn));
  }

  @Test
  void aSavepointAfterAFailureRecoversTheBlock(Connection conn) {
    AsyncTransaction tx = await(conn.async().transaction());
    tx.execute("INSERT INTO entry VALUES ($1)", 1);
    AsyncTransaction savepoint = await(tx.savepoint());
    assertInstanceOf(
        UniqueViolation.class, failureOf(savepoint.execute("INSERT INTO entry VALUES ($1)", 1)));
    await(savepoint.rollback());
    await(tx.execute("INSERT INTO entry VALUES ($1)", 2));
    await(tx.commit());
    assertEquals(List.of(1, 2), ids(conn));
  }

  @Test
  void anEndedBlockRefusesMore(Connection conn) {
    AsyncTransaction tx = await(conn.async().transaction());
    await(tx.commit());
    assertInstanceOf(ProgrammingError.class, failureOf(tx.execute("SELECT 1")));
    assertInstanceOf(ProgrammingError.class, failureOf(tx.commit()));
    assertInstanceOf(ProgrammingError.class, failureOf(tx.savepoint()));
  }

  @Test
  void aCallbackMayWaitForTheBlocksOwnNextStep(Connection conn) {
    AsyncTransaction tx = await(conn.async().transaction());
    // The callback runs while the block's thread may be busy: waiting in it must not deadlock.
    CompletableFuture<Long> inserted =
        tx.savepoint()
            .thenApply(
                savepoint -> {
                  long rows =
                      await(savepoint.execute("INSERT INTO entry VALUES ($1)", 5)).rowCount();
                  await(savepoint.commit());
                  return rows;
                });
    assertEquals(1, await(inserted));
    await(tx.commit());
    assertEquals(List.of(5), ids(conn));
  }

  @Test
  void optionsReachTheServer(Connection conn) {
    AsyncTransaction tx =
        await(
            conn.async()
                .transaction(
                    TransactionOptions.DEFAULT
                        .withIsolationLevel(IsolationLevel.SERIALIZABLE)
                        .withReadOnly(true)));
    Row row =
        await(
            await(
                    tx.execute(
                        "SELECT current_setting('transaction_isolation'),"
                            + " current_setting('transaction_read_only')"))
                .fetchOne());
    assertEquals("serializable", row.getString(0));
    assertEquals("on", row.getString(1));
    await(tx.rollback());
  }

  @Test
  void aForgottenBlockIsRolledBackAndFreesTheConnection(Connection conn) throws Exception {
    forget(conn.async());
    CompletableFuture<List<Integer>> other =
        CompletableFuture.supplyAsync(
            () -> ids(conn), command -> Thread.ofVirtual().start(command));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!other.isDone() && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(50);
    }
    assertEquals(List.of(), await(other), "the forgotten block's insert was rolled back");
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  private static void forget(AsyncConnection async) {
    AsyncTransaction tx = await(async.transaction());
    await(tx.execute("INSERT INTO entry VALUES ($1)", 9));
  }

  @Test
  void aPooledConnectionOpensBlocksToo(Connection conn, TestSchema schema) {
    PoolOptions options = PoolOptions.builder().name("async-transaction").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      AsyncTransaction tx = await(lent.async().transaction());
      await(tx.execute("INSERT INTO entry VALUES ($1)", 4));
      await(tx.commit());
    }
    assertEquals(List.of(4), ids(conn));
  }
}
