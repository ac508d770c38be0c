package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.jdbc.TuskXADataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XADataSource and XAResource over PostgreSQL's two-phase commit. */
@TuskTest
class XaTest {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TuskXADataSource dataSource;
  private XAConnection xa;
  private XAResource resource;
  private Connection check;

  /** A test Xid: format 4711, a gtrid unique to this run, bytes that are not UTF-8 in bqual. */
  private record TestXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier)
      implements Xid {}

  private static Xid newXid() {
    byte[] gtrid =
        ("tusk-jdbc-it-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet())
            .getBytes(StandardCharsets.UTF_8);
    return new TestXid(4711, gtrid, new byte[] {(byte) 0xff, 0, 1});
  }

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    dataSource = new TuskXADataSource();
    JdbcTarget.properties(schema).forEach((k, v) -> dataSource.setProperty((String) k, (String) v));
    check = JdbcTarget.connect(schema);
    try (Statement statement = check.createStatement();
        ResultSet rows = statement.executeQuery("SHOW max_prepared_transactions")) {
      rows.next();
      assumeTrue(rows.getInt(1) > 0, "the server has max_prepared_transactions = 0");
      statement.execute("CREATE TABLE IF NOT EXISTS xa_item (id int)");
      statement.execute("TRUNCATE xa_item");
    }
    xa = dataSource.getXAConnection();
    resource = xa.getXAResource();
  }

  /**
   * Rolls back what a failed test left prepared: it would hold its locks until the server stops.
   */
  @AfterEach
  void close() throws Exception {
    for (Xid xid : resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
      if (new String(xid.getGlobalTransactionId(), StandardCharsets.UTF_8)
          .startsWith("tusk-jdbc-it-" + ProcessHandle.current().pid())) {
        resource.rollback(xid);
      }
    }
    xa.close();
    check.close();
  }

  private void insert(Connection connection, int id) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO xa_item VALUES (" + id + ")");
    }
  }

  private int count() throws SQLException {
    try (Statement statement = check.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM xa_item")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void twoPhaseCommitFromAnotherConnection() throws Exception {
    Xid xid = newXid();
    Connection handle = xa.getConnection();
    resource.start(xid, XAResource.TMNOFLAGS);
    insert(handle, 1);
    assertFalse(handle.getAutoCommit());
    assertEquals("2D000", assertThrows(SQLException.class, handle::commit).getSQLState());
    assertEquals(
        "2D000", assertThrows(SQLException.class, () -> handle.setAutoCommit(true)).getSQLState());
    handle.setAutoCommit(false); // allowed: it changes nothing
    resource.end(xid, XAResource.TMSUCCESS);
    assertEquals(XAResource.XA_OK, resource.prepare(xid));
    assertTrue(handle.getAutoCommit(), "the connection takes back its autocommit mode");
    assertEquals(0, count());

    // A second resource (another connection) recovers the branch, bytes intact, and commits it.
    XAConnection other = dataSource.getXAConnection();
    try {
      XAResource recovering = other.getXAResource();
      Xid recovered =
          Arrays.stream(recovering.recover(XAResource.TMSTARTRSCAN))
              .filter(x -> Arrays.equals(x.getGlobalTransactionId(), xid.getGlobalTransactionId()))
              .findFirst()
              .orElseThrow();
      assertEquals(4711, recovered.getFormatId());
      assertArrayEquals(xid.getBranchQualifier(), recovered.getBranchQualifier());
      assertEquals(0, recovering.recover(XAResource.TMNOFLAGS).length, "the scan gave it all");
      recovering.commit(recovered, false);
    } finally {
      other.close();
    }
    assertEquals(1, count());
    XAException again = assertThrows(XAException.class, () -> resource.commit(xid, false));
    assertEquals(XAException.XAER_NOTA, again.errorCode);
  }

  @Test
  void rollbackOfAPreparedBranchAndOfAnEndedOne() throws Exception {
    Connection handle = xa.getConnection();
    Xid prepared = newXid();
    resource.start(prepared, XAResource.TMNOFLAGS);
    insert(handle, 1);
    resource.end(prepared, XAResource.TMSUCCESS);
    resource.prepare(prepared);
    resource.rollback(prepared);

    Xid ended = newXid();
    resource.start(ended, XAResource.TMNOFLAGS);
    insert(handle, 2);
    resource.end(ended, XAResource.TMSUCCESS);
    resource.rollback(ended);
    assertEquals(0, count());
    insert(handle, 3); // the handle is usable for local work again, in autocommit mode
    assertEquals(1, count());
  }

  @Test
  void onePhaseCommitAndSuspendResume() throws Exception {
    Connection handle = xa.getConnection();
    Xid xid = newXid();
    resource.start(xid, XAResource.TMNOFLAGS);
    insert(handle, 1);
    resource.end(xid, XAResource.TMSUSPEND);
    resource.start(xid, XAResource.TMRESUME);
    insert(handle, 2);
    resource.end(xid, XAResource.TMSUCCESS);
    resource.start(xid, XAResource.TMJOIN);
    insert(handle, 3);
    resource.end(xid, XAResource.TMSUCCESS);
    resource.commit(xid, true);
    assertEquals(3, count());
  }

  /**
   * A PostgreSQL session runs one transaction, so a second branch cannot start on a connection
   * while the first is active, suspended or ended but not prepared (XAER_PROTO), nor join a branch
   * of another Xid; the first branch is unharmed and completes. Once it is prepared the connection
   * is free for the next branch.
   */
  @Test
  void branchesDoNotInterleaveOnOneConnection() throws Exception {
    Connection handle = xa.getConnection();
    Xid first = newXid();
    Xid second = newXid();
    resource.start(first, XAResource.TMNOFLAGS);
    insert(handle, 1);
    for (int flags : new int[] {XAResource.TMSUSPEND, XAResource.TMSUCCESS}) {
      resource.end(first, flags);
      XAException refused =
          assertThrows(XAException.class, () -> resource.start(second, XAResource.TMNOFLAGS));
      assertEquals(XAException.XAER_PROTO, refused.errorCode, "after end with " + flags);
      assertTrue(refused.getMessage().contains("end and prepare it first"), refused.getMessage());
      resource.start(
          first, flags == XAResource.TMSUSPEND ? XAResource.TMRESUME : XAResource.TMJOIN);
    }
    resource.end(first, XAResource.TMSUCCESS);
    assertEquals(
        XAException.XAER_NOTA,
        assertThrows(XAException.class, () -> resource.start(second, XAResource.TMJOIN)).errorCode);
    assertEquals(XAResource.XA_OK, resource.prepare(first));
    resource.start(second, XAResource.TMNOFLAGS);
    insert(handle, 2);
    resource.end(second, XAResource.TMSUCCESS);
    resource.commit(second, true);
    resource.commit(first, false);
    assertEquals(2, count());
  }

  @Test
  void aFailedBranchRollsBack() throws Exception {
    Connection handle = xa.getConnection();
    Xid xid = newXid();
    resource.start(xid, XAResource.TMNOFLAGS);
    insert(handle, 1);
    try (Statement statement = handle.createStatement()) {
      assertThrows(SQLException.class, () -> statement.execute("SELECT 1 / 0"));
    }
    resource.end(xid, XAResource.TMSUCCESS);
    XAException error = assertThrows(XAException.class, () -> resource.prepare(xid));
    assertEquals(XAException.XA_RBROLLBACK, error.errorCode);
    assertEquals(0, count());
    insert(handle, 2);
    assertEquals(1, count());
  }

  @Test
  void errorCodesForProtocolMistakes() throws Exception {
    Connection handle = xa.getConnection();
    Xid xid = newXid();
    assertEquals(
        XAException.XAER_NOTA,
        assertThrows(XAException.class, () -> resource.end(xid, XAResource.TMSUCCESS)).errorCode);
    assertEquals(
        XAException.XAER_NOTA,
        assertThrows(XAException.class, () -> resource.rollback(newXid())).errorCode);
    resource.start(xid, XAResource.TMNOFLAGS);
    assertEquals(
        XAException.XAER_PROTO,
        assertThrows(XAException.class, () -> resource.start(newXid(), XAResource.TMNOFLAGS))
            .errorCode);
    assertEquals(
        XAException.XAER_PROTO,
        assertThrows(XAException.class, () -> resource.prepare(xid)).errorCode,
        "prepare before end");
    assertEquals(
        XAException.XAER_INVAL,
        assertThrows(XAException.class, () -> resource.end(xid, XAResource.TMONEPHASE)).errorCode);
    resource.end(xid, XAResource.TMFAIL);
    assertEquals(
        XAException.XA_RBROLLBACK,
        assertThrows(XAException.class, () -> resource.prepare(xid)).errorCode);
    assertEquals(
        XAException.XAER_NOTA,
        assertThrows(XAException.class, () -> resource.forget(xid)).errorCode);
    assertEquals(
        XAException.XAER_INVAL,
        assertThrows(XAException.class, () -> resource.recover(XAResource.TMJOIN)).errorCode);

    handle.setAutoCommit(false);
    insert(handle, 1); // a local transaction is open
    assertEquals(
        XAException.XAER_OUTSIDE,
        assertThrows(XAException.class, () -> resource.start(newXid(), XAResource.TMNOFLAGS))
            .errorCode);
    handle.rollback();
    assertTrue(resource.isSameRM(resource));
  }

  @Test
  void aBranchPastItsTimeoutIsCancelledAndRolledBack() throws Exception {
    Connection handle = xa.getConnection();
    assertEquals(0, resource.getTransactionTimeout(), "no timeout by default");
    assertTrue(resource.setTransactionTimeout(1));
    assertEquals(1, resource.getTransactionTimeout());

    // A statement running when the deadline passes is cancelled.
    Xid busy = newXid();
    resource.start(busy, XAResource.TMNOFLAGS);
    insert(handle, 1);
    long started = System.nanoTime();
    try (Statement statement = handle.createStatement()) {
      SQLException cancelled =
          assertThrows(SQLException.class, () -> statement.execute("SELECT pg_sleep(10)"));
      assertEquals("57014", cancelled.getSQLState());
    }
    assertTrue(System.nanoTime() - started < 8_000_000_000L, "cancelled at the deadline");
    XAException timedOut =
        assertThrows(XAException.class, () -> resource.end(busy, XAResource.TMSUCCESS));
    assertEquals(XAException.XA_RBTIMEOUT, timedOut.errorCode);
    resource.rollback(busy); // what a transaction manager does next: nothing is left to do
    assertTrue(handle.getAutoCommit(), "the connection takes back its autocommit mode");

    // A branch finished in time is not touched by its deadline.
    Xid quick = newXid();
    resource.start(quick, XAResource.TMNOFLAGS);
    insert(handle, 2);
    resource.end(quick, XAResource.TMSUCCESS);
    resource.commit(quick, true);

    // An idle branch past its deadline is rolled back by prepare.
    Xid idle = newXid();
    resource.start(idle, XAResource.TMNOFLAGS);
    insert(handle, 3);
    resource.end(idle, XAResource.TMSUCCESS);
    Thread.sleep(1_500);
    assertEquals(
        XAException.XA_RBTIMEOUT,
        assertThrows(XAException.class, () -> resource.prepare(idle)).errorCode);
    assertEquals(1, count(), "only the branch finished in time committed");

    resource.setTransactionTimeout(0);
    assertEquals(
        XAException.XAER_INVAL,
        assertThrows(XAException.class, () -> resource.setTransactionTimeout(-1)).errorCode);
    Xid untimed = newXid();
    resource.start(untimed, XAResource.TMNOFLAGS);
    insert(handle, 4);
    resource.end(untimed, XAResource.TMSUCCESS);
    resource.commit(untimed, true);
    assertEquals(2, count());
  }

  @Test
  void errorCodesOfTheSpecification() throws Exception {
    Connection handle = xa.getConnection();
    Xid xid = newXid();
    resource.start(xid, XAResource.TMNOFLAGS);
    assertEquals(
        XAException.XAER_DUPID,
        assertThrows(XAException.class, () -> resource.start(xid, XAResource.TMNOFLAGS)).errorCode,
        "started twice");
    resource.end(xid, XAResource.TMSUCCESS);
    resource.prepare(xid);
    assertEquals(
        XAException.XAER_DUPID,
        assertThrows(XAException.class, () -> resource.start(xid, XAResource.TMNOFLAGS)).errorCode,
        "already prepared");
    resource.rollback(xid);

    // A deferred constraint fails at PREPARE: the branch is rolled back for integrity.
    try (Statement ddl = check.createStatement()) {
      ddl.execute(
          "CREATE TABLE IF NOT EXISTS xa_unique (id int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
      ddl.execute("TRUNCATE xa_unique");
    }
    Xid duplicate = newXid();
    resource.start(duplicate, XAResource.TMNOFLAGS);
    try (Statement statement = handle.createStatement()) {
      statement.executeUpdate("INSERT INTO xa_unique VALUES (1), (1)");
    }
    resource.end(duplicate, XAResource.TMSUCCESS);
    XAException integrity = assertThrows(XAException.class, () -> resource.prepare(duplicate));
    assertEquals(XAException.XA_RBINTEGRITY, integrity.errorCode);
    assertTrue(handle.getAutoCommit());
    insert(handle, 1);
    assertEquals(1, count(), "the connection is usable after the failed prepare");
  }
}
