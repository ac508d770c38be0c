package dev.tusk.it.async;

import static dev.tusk.it.async.FacesMatrixTest.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.AsyncTwoPhaseTransaction;
import dev.tusk.Connection;
import dev.tusk.TransactionStatus;
import dev.tusk.Tusk;
import dev.tusk.TwoPhaseTransaction;
import dev.tusk.Xid;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TransactionRollback;
import dev.tusk.errors.TuskException;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sync × async matrix for two-phase commit: the same behaviour through {@link
 * TwoPhaseTransaction} and {@link AsyncTwoPhaseTransaction}, with the connections' {@code
 * tpcCommit}, {@code tpcRollback} and {@code tpcRecover} of each face, on a plain and on a pooled
 * connection, and recovery after the preparing connection died.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class FacesMatrixTwoPhaseTest {

  /** A face's two-phase transaction, its steps awaited. */
  interface Tpc {
    void prepare();

    boolean prepared();

    void commit();

    void rollback();

    void close();
  }

  /** A face's two-phase commit calls and statements, awaited. */
  interface Face {
    Tpc begin(Connection conn, Xid xid);

    void execute(Connection conn, String sql, Object... params);

    void commit(Connection conn, Xid xid);

    void rollback(Connection conn, Xid xid);

    List<Xid> recover(Connection conn);
  }

  static final Face SYNC =
      new Face() {
        @Override
        public Tpc begin(Connection conn, Xid xid) {
          TwoPhaseTransaction tpc = conn.tpcBegin(xid);
          return new Tpc() {
            @Override
            public void prepare() {
              tpc.prepare();
            }

            @Override
            public boolean prepared() {
              return tpc.prepared();
            }

            @Override
            public void commit() {
              tpc.commit();
            }

            @Override
            public void rollback() {
              tpc.rollback();
            }

            @Override
            public void close() {
              tpc.close();
            }
          };
        }

        @Override
        public void execute(Connection conn, String sql, Object... params) {
          conn.execute(sql, params);
        }

        @Override
        public void commit(Connection conn, Xid xid) {
          conn.tpcCommit(xid);
        }

        @Override
        public void rollback(Connection conn, Xid xid) {
          conn.tpcRollback(xid);
        }

        @Override
        public List<Xid> recover(Connection conn) {
          return conn.tpcRecover();
        }

        @Override
        public String toString() {
          return "sync";
        }
      };

  static final Face ASYNC =
      new Face() {
        @Override
        public Tpc begin(Connection conn, Xid xid) {
          AsyncTwoPhaseTransaction tpc = join(conn.async().tpcBegin(xid));
          return new Tpc() {
            @Override
            public void prepare() {
              join(tpc.prepare());
            }

            @Override
            public boolean prepared() {
              return tpc.prepared();
            }

            @Override
            public void commit() {
              join(tpc.commit());
            }

            @Override
            public void rollback() {
              join(tpc.rollback());
            }

            @Override
            public void close() {
              join(tpc.close());
            }
          };
        }

        @Override
        public void execute(Connection conn, String sql, Object... params) {
          join(conn.async().execute(sql, params));
        }

        @Override
        public void commit(Connection conn, Xid xid) {
          join(conn.async().tpcCommit(xid));
        }

        @Override
        public void rollback(Connection conn, Xid xid) {
          join(conn.async().tpcRollback(xid));
        }

        @Override
        public List<Xid> recover(Connection conn) {
          return join(conn.async().tpcRecover());
        }

        @Override
        public String toString() {
          return "async";
        }
      };

  static Stream<Face> faces() {
    return Stream.of(SYNC, ASYNC);
  }

  private final TestSchema schema;
  private final Connection conn;

  FacesMatrixTwoPhaseTest(TestSchema schema, Connection conn) {
    this.schema = schema;
    this.conn = conn;
  }

  @BeforeEach
  void table() {
    assumeTrue(
        Integer.parseInt(conn.execute("SHOW max_prepared_transactions").fetchOne().getString(0))
            > 0,
        "the server has max_prepared_transactions = 0");
    conn.execute("CREATE TABLE IF NOT EXISTS tpc_faces (id text)");
  }

  /** Leaves no prepared transaction behind: it would hold its locks until the server stops. */
  @AfterEach
  void rollBackLeftovers() {
    for (Xid xid : conn.tpcRecover()) {
      if (xid.gtrid().startsWith("tusk-faces-")) {
        conn.tpcRollback(xid);
      }
    }
  }

  private static Xid newXid() {
    return Xid.of(7, "tusk-faces-" + UUID.randomUUID(), "branch");
  }

  private long rows(String id) {
    return conn.execute("SELECT count(*) FROM tpc_faces WHERE id = $1", id).fetchOne().getLong(0);
  }

  private void onPlainAndPooled(Consumer<Connection> check) {
    check.accept(conn);
    PoolOptions options = PoolOptions.builder().name("faces-tpc").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      check.accept(lent);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void preparedThenCommittedOrRolledBack(Face face) {
    onPlainAndPooled(
        c -> {
          Xid committed = newXid();
          Tpc tpc = face.begin(c, committed);
          face.execute(c, "INSERT INTO tpc_faces VALUES ($1)", committed.gtrid());
          tpc.prepare();
          assertTrue(tpc.prepared());
          assertEquals(TransactionStatus.IDLE, c.info().transactionStatus());
          assertEquals(0, rows(committed.gtrid()), "a prepared transaction is not visible yet");
          assertTrue(face.recover(c).contains(committed));
          tpc.commit();
          assertFalse(tpc.prepared());
          assertEquals(1, rows(committed.gtrid()));
          assertFalse(face.recover(c).contains(committed));

          Xid rolledBack = newXid();
          Tpc other = face.begin(c, rolledBack);
          face.execute(c, "INSERT INTO tpc_faces VALUES ($1)", rolledBack.gtrid());
          other.prepare();
          other.close(); // a prepared transaction stays for its manager
          assertTrue(face.recover(c).contains(rolledBack));
          other.rollback();
          assertEquals(0, rows(rolledBack.gtrid()));
          assertFalse(face.recover(c).contains(rolledBack));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void onePhaseCommitAndCloseWithoutPrepareRollsBack(Face face) {
    onPlainAndPooled(
        c -> {
          Xid committed = newXid();
          Tpc tpc = face.begin(c, committed);
          face.execute(c, "INSERT INTO tpc_faces VALUES ($1)", committed.gtrid());
          tpc.commit();
          assertEquals(1, rows(committed.gtrid()));
          assertThrows(ProgrammingError.class, tpc::commit, "already ended");

          Xid rolledBack = newXid();
          Tpc open = face.begin(c, rolledBack);
          face.execute(c, "INSERT INTO tpc_faces VALUES ($1)", rolledBack.gtrid());
          open.close();
          assertEquals(0, rows(rolledBack.gtrid()));
          assertEquals(TransactionStatus.IDLE, c.info().transactionStatus());
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aFailedStatementMakesTheOnePhaseCommitRaiseAndPrepareTwiceIsRefused(Face face) {
    onPlainAndPooled(
        c -> {
          Tpc failed = face.begin(c, newXid());
          assertInstanceOf(
              DivisionByZero.class,
              assertThrows(TuskException.class, () -> face.execute(c, "SELECT 1/0")));
          assertThrows(TransactionRollback.class, failed::commit);
          assertEquals(TransactionStatus.IDLE, c.info().transactionStatus());

          c.execute("BEGIN");
          assertThrows(ProgrammingError.class, () -> face.begin(c, newXid()));
          c.execute("ROLLBACK");
          Tpc twice = face.begin(c, newXid());
          twice.prepare();
          assertThrows(ProgrammingError.class, twice::prepare);
          twice.rollback();
          assertThrows(UndefinedObject.class, () -> face.commit(c, newXid()));
          assertEquals(1, c.execute("SELECT 1").fetchOne().getInt(0));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void worksWithAutocommitOff(Face face) {
    onPlainAndPooled(
        c -> {
          c.setAutocommit(false);
          try {
            Xid xid = newXid();
            Tpc tpc = face.begin(c, xid);
            face.execute(c, "INSERT INTO tpc_faces VALUES ($1)", xid.gtrid());
            tpc.prepare();
            tpc.commit();
            assertFalse(c.autocommit(), "finishing it left autocommit as it was");
            assertEquals(1, rows(xid.gtrid()));
          } finally {
            c.rollback();
            c.setAutocommit(true);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void preparedTransactionsAreRecoveredAfterTheirConnectionDied(Face face) throws Exception {
    PostgresServer server = PostgresServer.get();
    Xid committed = newXid();
    Xid rolledBack = newXid();
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection doomed = Tusk.connect(schema.conninfo() + " " + proxy.conninfoOverride())) {
      for (Xid xid : List.of(committed, rolledBack)) {
        Tpc tpc = face.begin(doomed, xid);
        face.execute(doomed, "INSERT INTO tpc_faces VALUES ($1)", xid.gtrid());
        tpc.prepare();
      }
      proxy.cut(); // the connection dies without a word to the server
      assertThrows(RuntimeException.class, () -> face.execute(doomed, "SELECT 1"));
    }
    try (Connection recovering = Tusk.connect(schema.conninfo())) {
      List<Xid> prepared = face.recover(recovering);
      assertTrue(prepared.containsAll(List.of(committed, rolledBack)), prepared.toString());
      face.commit(recovering, committed);
      face.rollback(recovering, rolledBack);
      List<Xid> left = face.recover(recovering);
      assertFalse(left.contains(committed) || left.contains(rolledBack), left.toString());
    }
    assertEquals(1, rows(committed.gtrid()));
    assertEquals(0, rows(rolledBack.gtrid()));
  }
}
