package dev.tusk.it.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.TwoPhaseTransaction;
import dev.tusk.Xid;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** psycopg's tpc_* methods against a server with max_prepared_transactions above 0. */
@TuskTest
class TwoPhaseCommitTest {

  private final Connection conn;

  TwoPhaseCommitTest(Connection conn) {
    this.conn = conn;
  }

  @BeforeEach
  void table() {
    assumeTrue(
        Integer.parseInt(conn.execute("SHOW max_prepared_transactions").fetchOne().getString(0))
            > 0,
        "the server has max_prepared_transactions = 0");
    conn.execute("CREATE TABLE IF NOT EXISTS tpc (id text)");
  }

  /** Leaves no prepared transaction behind: it would hold its locks until the server stops. */
  @AfterEach
  void rollBackLeftovers() {
    for (Xid xid : conn.tpcRecover()) {
      if (xid.gtrid().startsWith("tusk-it-")) {
        conn.tpcRollback(xid);
      }
    }
  }

  private static Xid newXid() {
    return Xid.of(42, "tusk-it-" + UUID.randomUUID(), "branch");
  }

  private long rows(String id) {
    return conn.execute("SELECT count(*) FROM tpc WHERE id = $1", id).fetchOne().getLong(0);
  }

  @Test
  void preparedThenCommitted() {
    Xid xid = conn.xid(42, "tusk-it-" + UUID.randomUUID(), "b");
    TwoPhaseTransaction tpc = conn.tpcBegin(xid);
    conn.execute("INSERT INTO tpc VALUES ($1)", xid.gtrid());
    tpc.prepare();
    assertTrue(tpc.prepared());
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0, rows(xid.gtrid()), "a prepared transaction is not visible yet");
    assertTrue(conn.tpcRecover().contains(xid));
    tpc.commit();
    assertEquals(1, rows(xid.gtrid()));
    assertFalse(conn.tpcRecover().contains(xid));
  }

  @Test
  void preparedThenRolledBack() {
    Xid xid = newXid();
    try (TwoPhaseTransaction tpc = conn.tpcBegin(xid)) {
      conn.execute("INSERT INTO tpc VALUES ($1)", xid.gtrid());
      tpc.prepare();
      tpc.rollback();
    }
    assertEquals(0, rows(xid.gtrid()));
    assertFalse(conn.tpcRecover().contains(xid));
  }

  @Test
  void onePhaseCommitAndRollbackWithoutPrepare() {
    Xid committed = newXid();
    TwoPhaseTransaction tpc = conn.tpcBegin(committed);
    conn.execute("INSERT INTO tpc VALUES ($1)", committed.gtrid());
    tpc.commit();
    assertEquals(1, rows(committed.gtrid()));

    Xid rolledBack = newXid();
    try (TwoPhaseTransaction open = conn.tpcBegin(rolledBack)) {
      conn.execute("INSERT INTO tpc VALUES ($1)", rolledBack.gtrid());
    } // closed unprepared: rolled back
    assertEquals(0, rows(rolledBack.gtrid()));
    assertThrows(ProgrammingError.class, tpc::commit, "already ended");
  }

  @Test
  void aFailedStatementMakesTheOnePhaseCommitRaise() {
    TwoPhaseTransaction tpc = conn.tpcBegin(newXid());
    assertThrows(RuntimeException.class, () -> conn.execute("SELECT 1/0"));
    assertThrows(TransactionRollback.class, tpc::commit);
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void preparedTransactionsAreRecoveredAndCommittedFromAnotherConnectionAfterTheFirstDied(
      TestSchema schema) throws Exception {
    PostgresServer server = PostgresServer.get();
    Xid xid = newXid();
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection doomed = Tusk.connect(schema.conninfo() + " " + proxy.conninfoOverride())) {
      TwoPhaseTransaction tpc = doomed.tpcBegin(xid);
      doomed.execute("INSERT INTO tpc VALUES ($1)", xid.gtrid());
      tpc.prepare();
      proxy.cut(); // the connection dies without a word to the server
      assertThrows(RuntimeException.class, () -> doomed.execute("SELECT 1"));
    }
    try (Connection recovering = Tusk.connect(schema.conninfo())) {
      assertTrue(recovering.tpcRecover().contains(xid), "the prepared transaction survived");
      assertEquals(0, rows(xid.gtrid()));
      recovering.tpcCommit(xid);
      assertFalse(recovering.tpcRecover().contains(xid));
    }
    assertEquals(1, rows(xid.gtrid()));
  }

  @Test
  void recoveryRollsBackByXidAndReportsUnknownOnes() {
    Xid xid = newXid();
    conn.tpcBegin(xid);
    conn.execute("INSERT INTO tpc VALUES ($1)", xid.gtrid());
    conn.execute("PREPARE TRANSACTION '" + xid.gid() + "'");
    conn.tpcRollback(xid);
    assertEquals(0, rows(xid.gtrid()));
    assertThrows(UndefinedObject.class, () -> conn.tpcCommit(xid));
  }

  @Test
  void transactionsPreparedUnderABareNameAreRecoveredByThatName() {
    String name = "tusk-it-bare-" + UUID.randomUUID();
    conn.execute("BEGIN");
    conn.execute("PREPARE TRANSACTION '" + name + "'");
    Xid recovered =
        conn.tpcRecover().stream().filter(x -> x.gtrid().equals(name)).findFirst().orElseThrow();
    assertEquals(Xid.of(name), recovered);
    conn.tpcRollback(recovered);
  }

  @Test
  void worksWithAutocommitOff() {
    conn.setAutocommit(false);
    Xid xid = newXid();
    TwoPhaseTransaction tpc = conn.tpcBegin(xid);
    conn.execute("INSERT INTO tpc VALUES ($1)", xid.gtrid());
    tpc.prepare();
    tpc.commit();
    assertFalse(conn.autocommit());
    assertEquals(1, rows(xid.gtrid()));
    conn.rollback();
    conn.setAutocommit(true);
  }

  @Test
  void beginInsideATransactionAndPrepareTwiceAreRefused() {
    conn.execute("BEGIN");
    assertThrows(ProgrammingError.class, () -> conn.tpcBegin(newXid()));
    conn.execute("ROLLBACK");
    TwoPhaseTransaction tpc = conn.tpcBegin(newXid());
    tpc.prepare();
    assertThrows(ProgrammingError.class, tpc::prepare);
    tpc.rollback();
  }
}
