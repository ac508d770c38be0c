package dev.tusk.it.pgbouncer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.PgBouncer;
import dev.tusk.testing.PgBouncerBinary;
import dev.tusk.testing.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Tusk's default {@code prepare_threshold} behind pgbouncer 1.21+ in transaction mode with {@code
 * max_prepared_statements}: pgbouncer tracks protocol-level prepared statements, renames them
 * ({@code PGBOUNCER_<n>} on the server) and prepares them again on whichever server connection a
 * client lands. Two server connections serve more clients than that, so statements cross them.
 * Skipped, saying why, where no pgbouncer 1.21+ is found ({@code .ci/pgbouncer} builds 1.24.1).
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class PgBouncerPreparedStatementsTest {

  private static final String TABLE = "pgbouncer_prepared_items";
  private static final int SERVER_CONNECTIONS = 2;

  // Held: java.util.logging keeps loggers only weakly, and the level must stay set while tracing.
  private static final Logger WIRE = Logger.getLogger("dev.tusk.wire");

  private static PgBouncer bouncer;
  private static PostgresServer server;
  // Why the tests skip, or null: each test reports it (a skip in @BeforeAll shows no reason).
  private static String skipped;

  @BeforeAll
  static void start() throws Exception {
    Optional<PgBouncerBinary> binary = PgBouncerBinary.find("1.21");
    server = PostgresServer.get();
    if (binary.isEmpty() || !server.embedded()) {
      skipped =
          binary.isEmpty()
              ? PgBouncerBinary.missing("1.21")
              : "pgbouncer tests run against the embedded server";
      System.out.println("PgBouncerPreparedStatementsTest is skipped: " + skipped);
      return;
    }
    bouncer =
        PgBouncer.start(
            binary.get(),
            server,
            "transaction",
            Map.of(
                "default_pool_size", String.valueOf(SERVER_CONNECTIONS),
                "max_client_conn", "100",
                "max_prepared_statements", "100"));
    System.out.println("PgBouncerPreparedStatementsTest runs against " + bouncer);
    try (Connection direct = Tusk.connect(server.conninfo())) {
      direct.execute("DROP TABLE IF EXISTS " + TABLE);
      direct.execute("CREATE TABLE " + TABLE + " (client int, n int, name text)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (bouncer != null) {
      try (Connection direct = Tusk.connect(server.conninfo())) {
        direct.execute("DROP TABLE IF EXISTS " + TABLE);
      }
      bouncer.close();
    }
  }

  @BeforeEach
  void needsPgBouncer121() {
    assumeTrue(skipped == null, skipped);
  }

  private static Connection connect(String options) {
    return Tusk.connect(bouncer.conninfo() + " " + options);
  }

  /**
   * A statement prepared (after the default threshold) on one server connection runs, as prepared,
   * on the other one, where it did not exist: pgbouncer prepares it there under its own name.
   */
  @Test
  void aStatementPreparedOnOneServerConnectionRunsOnAnother() {
    String sql = "SELECT $1::int * 7 AS product, pg_backend_pid() AS pid";
    try (Connection a = connect("");
        Connection b = connect("");
        Connection c = connect("")) {
      int first;
      Transaction held;
      try (Transaction tx = a.transaction()) {
        first = runs(a, sql, 8); // the 6th run prepares it, the 7th and 8th use it: all on one
        assertEquals(1, preparedHere(a, sql), "prepared on the server, under pgbouncer's name");
        // While a holds that server connection, b takes the other one (a new one if need be).
        held = b.transaction();
        assertNotEquals(first, backend(b));
        tx.commit();
      }
      // c takes the first one, the only one free; then b lets go of the other, and a takes it.
      try (Transaction third = c.transaction()) {
        assertEquals(first, backend(c));
        held.commit();
        try (Transaction tx = a.transaction()) {
          int other = backend(a);
          assertNotEquals(first, other);
          assertEquals(0, preparedHere(a, sql), "not prepared on this server connection yet");
          Row row = a.execute(sql, 6).fetchOne();
          assertEquals(42, row.getInt("product"));
          assertEquals(other, row.getInt("pid"));
          assertEquals(1, preparedHere(a, sql), "pgbouncer prepared it here, for a's Bind");
          tx.commit();
        }
        third.commit();
      }
    }
  }

  /**
   * Many clients, more than the server connections: the same and different statements, each
   * prepared after the default threshold, in single statements, pipelines and transactions; every
   * answer checked, no "does not exist" or "already exists".
   */
  @Test
  void manyClientsShareStatementsAcrossServerConnections() throws Exception {
    int clients = 6; // connections through pgbouncer, each shared by two threads
    List<String> wire = traced(() -> manyClients(clients));
    // Not one error, not even one that Tusk retried unseen (a statement missing on the server).
    assertEquals(0, count(wire, "B ErrorResponse "));
    try (Connection conn = connect("");
        Transaction tx = conn.transaction()) {
      // The server connection we land on knows the shared statements under pgbouncer's names...
      for (String shared :
          List.of(
              "SELECT $1::int * 2",
              "SELECT $1::text || '-' || $2::int",
              "SELECT $1::int * 3, $2::int")) {
        assertEquals(1, preparedHere(conn, shared), shared);
      }
      // ...and none under Tusk's: every name the clients sent was rewritten.
      assertEquals(
          0L,
          conn.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'tusk\\_%'")
              .fetchOne()
              .getLong(0));
      tx.commit();
    }
  }

  /** The work of {@link #manyClientsShareStatementsAcrossServerConnections}, checked. */
  private static void manyClients(int clients) {
    try {
      runConcurrently(
          clients,
          2,
          (conn, client, thread) -> {
            int id = client * 10 + thread;
            for (int i = 0; i < 20; i++) {
              // The same texts on every client, and one text of this client's own.
              assertEquals(i * 2, conn.execute("SELECT $1::int * 2", i).fetchOne().getInt(0));
              assertEquals(
                  "k" + i + "-" + id,
                  conn.execute("SELECT $1::text || '-' || $2::int", "k" + i, id)
                      .fetchOne()
                      .getString(0));
              assertEquals(
                  i + 1000 * client,
                  conn.execute("SELECT $1::int + " + 1000 * client, i).fetchOne().getInt(0));
            }
            // A pipeline that prepares a statement at its 6th run and uses it at once in the 7th.
            List<Cursor<Row>> cursors = new ArrayList<>();
            try (Pipeline pipeline = conn.pipeline()) {
              for (int i = 0; i < 9; i++) {
                cursors.add(pipeline.execute("SELECT $1::int * 3, $2::int", i, id));
              }
              pipeline.sync();
            }
            for (int i = 0; i < cursors.size(); i++) {
              Row row = cursors.get(i).fetchOne();
              assertEquals(i * 3, row.getInt(0));
              assertEquals(id, row.getInt(1));
            }
            // Transactions: ten inserts committed (prepared from the 6th), three rolled back.
            try (Transaction tx = conn.transaction()) {
              for (int n = 1; n <= 10; n++) {
                conn.execute("INSERT INTO " + TABLE + " (client, n) VALUES ($1, $2)", id, n);
              }
              tx.commit();
            }
            try (Transaction tx = conn.transaction()) {
              for (int n = 100; n < 103; n++) {
                conn.execute("INSERT INTO " + TABLE + " (client, n) VALUES ($1, $2)", id, n);
              }
              tx.rollback();
            }
            Row sum =
                conn.execute("SELECT count(*), sum(n) FROM " + TABLE + " WHERE client = $1", id)
                    .fetchOne();
            assertEquals(10, sum.getLong(0));
            assertEquals(55, sum.getLong(1));
          });
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long count(List<String> wire, String prefix) {
    return wire.stream().filter(line -> line.startsWith(prefix)).count();
  }

  /**
   * A small {@code statement_cache_size} evicts statements, which Tusk closes (Close messages that
   * pgbouncer answers for its clients); statements evicted and prepared again keep working.
   */
  @Test
  void evictedStatementsAreClosedAndPreparedAgain() throws Exception {
    List<String> wire =
        traced(
            () -> {
              try {
                runConcurrently(
                    4,
                    1,
                    (conn, client, thread) -> {
                      // Default threshold: each block prepares its statement; the third block
                      // evicts the first, which its second block prepares again.
                      int[] order = {0, 1, 2, 0, 3, 1};
                      for (int statement : order) {
                        for (int i = 0; i < 8; i++) {
                          assertEquals(
                              i + statement * 100 + client,
                              conn.execute(
                                      "SELECT $1::int + " + statement * 100 + " + $2", i, client)
                                  .fetchOne()
                                  .getInt(0));
                        }
                      }
                    },
                    "statement_cache_size=2");
                // Preparing at once: a hot statement, used every other run, stays in a cache of
                // two while three others take turns in the other place, each closed in turn.
                runConcurrently(
                    4,
                    2,
                    (conn, client, thread) -> {
                      int id = client * 10 + thread;
                      for (int i = 0; i < 40; i++) {
                        int statement = i % 2 == 0 ? 0 : 1 + i / 2 % 3;
                        assertEquals(
                            i * statement + id,
                            conn.execute("SELECT $1::int * " + statement + " + $2", i, id)
                                .fetchOne()
                                .getInt(0));
                      }
                    },
                    "statement_cache_size=2 prepare_threshold=0");
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    // The first part alone closes 4 per client: 6 preparations in a cache of 2.
    long closes = count(wire, "F Close ");
    assertTrue(closes >= 4 * 4, "Close messages sent: " + closes);
    // Not one error, not even one that Tusk retried unseen (a statement missing on the server).
    assertEquals(0, count(wire, "B ErrorResponse "));
  }

  /**
   * A schema change that leaves a prepared statement's result type alone needs nothing: the server
   * plans it again, under pgbouncer's name, even inside a transaction (where nothing is retried).
   */
  @Test
  void aSchemaChangeThatKeepsTheResultTypeIsReplanned() {
    String table = "pgbouncer_kept_type";
    try (Connection direct = Tusk.connect(server.conninfo())) {
      direct.execute("CREATE TABLE " + table + " (id int, name text)");
      direct.execute("INSERT INTO " + table + " VALUES (1, 'one'), (2, 'two')");
    }
    String sql = "SELECT name FROM " + table + " WHERE id = $1";
    try (Connection a = connect("");
        Connection b = connect("")) {
      preparedOnBothServerConnections(a, b, sql);
      try (Connection direct = Tusk.connect(server.conninfo())) {
        direct.execute("ALTER TABLE " + table + " ADD COLUMN extra int DEFAULT 5");
        direct.execute("CREATE INDEX ON " + table + " (id)");
        direct.execute("UPDATE " + table + " SET name = 'uno' WHERE id = 1");
      }
      for (Connection conn : List.of(a, b)) {
        try (Transaction tx = conn.transaction()) {
          assertEquals("uno", conn.execute(sql, 1).fetchOne().getString(0));
          assertEquals("two", conn.execute(sql, 2).fetchOne().getString(0));
          tx.commit();
        }
      }
    } finally {
      try (Connection direct = Tusk.connect(server.conninfo())) {
        direct.execute("DROP TABLE " + table);
      }
    }
  }

  /**
   * A schema change of a prepared statement's result type ({@code SELECT *} after ADD COLUMN): the
   * server connections keep pgbouncer's statement, planned for the old type, and refuse it with
   * 0A000 "cached plan must not change result type" until pgbouncer replaces them (its own
   * documentation says: RECONNECT after a migration). Outside a transaction Tusk runs the statement
   * again unprepared, so the caller sees only right answers; inside one the error is the caller's,
   * and the connection stays usable.
   */
  @Test
  void aSchemaChangeOfTheResultTypeIsRetriedOutsideATransactionOnly() {
    String table = "pgbouncer_changed_type";
    try (Connection direct = Tusk.connect(server.conninfo())) {
      direct.execute("CREATE TABLE " + table + " (id int, name text)");
      direct.execute("INSERT INTO " + table + " VALUES (1, 'one')");
    }
    String sql = "SELECT * FROM " + table + " WHERE id = $1";
    try (Connection a = connect("");
        Connection b = connect("")) {
      preparedOnBothServerConnections(a, b, sql);
      try (Connection direct = Tusk.connect(server.conninfo())) {
        direct.execute("ALTER TABLE " + table + " ADD COLUMN extra int DEFAULT 5");
      }
      for (int i = 0; i < 20; i++) { // Tusk prepares it again on the way, and is refused again
        Row row = a.execute(sql, 1).fetchOne();
        assertEquals(List.of("id", "name", "extra"), row.columnNames());
        assertEquals(5, row.getInt("extra"));
      }
      try (Transaction tx = b.transaction()) {
        FeatureNotSupported error =
            assertThrows(FeatureNotSupported.class, () -> b.execute(sql, 1).fetchOne());
        assertTrue(
            error.getMessage().contains("cached plan must not change result type"),
            error.getMessage());
        tx.rollback();
      }
      assertEquals(5, b.execute(sql, 1).fetchOne().getInt("extra"));
    } finally {
      try (Connection direct = Tusk.connect(server.conninfo())) {
        direct.execute("DROP TABLE " + table);
      }
    }
  }

  /**
   * pgbouncer 1.24 answers a StartupMessage for protocol 3.2 with NegotiateProtocolVersion (before
   * 1.24 it hung up with "bad packet header"): the session goes on in 3.0 on the same socket, and a
   * cancel (pgbouncer's own 4-byte key) works.
   */
  @Test
  void askingForProtocol32IsNegotiatedDownTo30OnOneSocket() {
    List<String> wire =
        traced(
            () -> {
              try (Connection conn = connect("max_protocol_version=3.2")) {
                assertEquals(7, conn.execute("SELECT $1::int", 7).fetchOne().getInt(0));
                Query sleep = Query.of("SELECT pg_sleep(10)").withTimeout(Duration.ofMillis(200));
                assertThrows(QueryCanceled.class, () -> conn.execute(sleep).fetchOne());
                assertEquals(8, conn.execute("SELECT $1::int", 8).fetchOne().getInt(0));
              }
            });
    assertEquals(1, count(wire, "F StartupMessage "));
    assertEquals(1, count(wire, "B NegotiateProtocolVersion "));
  }

  @Test
  void requiringProtocol32IsRefusedWithTheVersionPgBouncerOffers() {
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> connect("min_protocol_version=3.2").close());
    assertTrue(
        error.getMessage().contains("only supports protocol version 3.0"), error.getMessage());
  }

  /**
   * Prepares {@code sql} (default threshold; its row 1 is named "one") on both server connections:
   * {@code a} and {@code b} each run it in a transaction of its own, open at the same time, so each
   * holds one.
   */
  private static void preparedOnBothServerConnections(Connection a, Connection b, String sql) {
    try (Transaction first = a.transaction();
        Transaction second = b.transaction()) {
      for (int i = 0; i < 8; i++) {
        assertEquals("one", a.execute(sql, 1).fetchOne().getString("name"));
        assertEquals("one", b.execute(sql, 1).fetchOne().getString("name"));
      }
      assertNotEquals(backend(a), backend(b));
      assertEquals(1, preparedHere(a, sql));
      assertEquals(1, preparedHere(b, sql));
      first.commit();
      second.commit();
    }
  }

  /**
   * Runs {@code sql} with 1..{@code times}, checks each product, returns the last backend's pid.
   */
  private static int runs(Connection conn, String sql, int times) {
    int pid = 0;
    for (int i = 1; i <= times; i++) {
      Row row = conn.execute(sql, i).fetchOne();
      assertEquals(i * 7, row.getInt("product"));
      pid = row.getInt("pid");
    }
    return pid;
  }

  /** The server connection's pid (and, in a transaction, keeps it). */
  private static int backend(Connection conn) {
    return conn.execute("SELECT pg_backend_pid()").fetchOne().getInt(0);
  }

  /** How many statements of text {@code sql} the server connection holds, prepared by pgbouncer. */
  private static long preparedHere(Connection conn, String sql) {
    return conn.execute(
            "SELECT count(*) FROM pg_prepared_statements"
                + " WHERE statement = $1 AND name LIKE 'PGBOUNCER\\_%'",
            sql)
        .fetchOne()
        .getLong(0);
  }

  private interface Work {
    void run(Connection conn, int client, int thread);
  }

  /**
   * {@code clients} connections through pgbouncer, each used by {@code threads} virtual threads at
   * once; fails with the first failure.
   */
  private static void runConcurrently(int clients, int threads, Work work, String... options)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int client = 0; client < clients; client++) {
        connections.add(connect(String.join(" ", options)));
      }
      List<Future<?>> futures = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        for (int thread = 0; thread < threads; thread++) {
          Connection conn = connections.get(client);
          int c = client;
          int t = thread;
          futures.add(executor.submit(() -> work.run(conn, c, t), null));
        }
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      for (Connection conn : connections) {
        conn.close();
      }
    }
  }

  /** The wire trace's lines while {@code work} runs. */
  private static List<String> traced(Runnable work) {
    List<String> lines = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (lines) {
              lines.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    Level before = WIRE.getLevel();
    WIRE.setLevel(Level.ALL);
    WIRE.addHandler(handler);
    try {
      work.run();
    } finally {
      WIRE.removeHandler(handler);
      WIRE.setLevel(before);
    }
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
