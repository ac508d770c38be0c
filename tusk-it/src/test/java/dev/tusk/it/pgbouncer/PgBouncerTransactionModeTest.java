package dev.tusk.it.pgbouncer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Pipeline;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.testing.PgBouncer;
import dev.tusk.testing.PostgresServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tusk behind a stock pgbouncer in transaction mode, as a new user would set it up: the start-up
 * packet must be one pgbouncer accepts, and prepared statement names must not collide between
 * clients that share a server connection. Skipped where pgbouncer is not installed ({@code .ci/run}
 * installs it).
 */
@Timeout(60)
class PgBouncerTransactionModeTest {

  private static PgBouncer bouncer;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        PgBouncer.binary().isPresent(),
        "pgbouncer is not installed (apt-get install pgbouncer); skipping the pgbouncer tests");
    PostgresServer server = PostgresServer.get();
    assumeTrue(server.embedded(), "pgbouncer tests run against the embedded server");
    // One server connection, so every client shares it: the harshest case for statement names.
    bouncer =
        PgBouncer.start(
            server, "transaction", Map.of("default_pool_size", "1", "max_client_conn", "50"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (bouncer != null) {
      bouncer.close();
    }
  }

  @Test
  void theDefaultStartupPacketIsAccepted() {
    try (Connection conn = Tusk.connect(bouncer.conninfo())) {
      assertEquals(
          LocalDate.of(2024, 5, 1), conn.execute("SELECT date '2024-05-01'").fetchOne().get(0));
      // The server's own IntervalStyle (postgres), which the driver no longer sets at start-up.
      assertEquals(
          "1 day 01:00:00",
          conn.execute("SELECT (interval '1 day 1 hour')::text").fetchOne().get(0));
      assertEquals(
          0.1 + 0.2, conn.execute("SELECT 0.1::float8 + 0.2::float8").fetchOne().getDouble(0));
    }
  }

  @Test
  void askingForProtocol32FallsBackTo30() {
    try (Connection conn = Tusk.connect(bouncer.conninfo() + " max_protocol_version=3.2")) {
      assertEquals(7, conn.execute("SELECT $1::int", 7).fetchOne().getInt(0));
    }
  }

  @Test
  void withoutPreparationStatementsPipelinesAndTransactionsWork() throws Exception {
    String conninfo = bouncer.conninfo() + " prepare_threshold=none";
    runConcurrently(
        conninfo,
        conn -> {
          for (int i = 0; i < 20; i++) {
            assertEquals(i, conn.execute("SELECT $1::int", i).fetchOne().getInt(0));
          }
          try (Pipeline pipeline = conn.pipeline()) {
            pipeline.execute("SELECT $1::int", 1);
            pipeline.execute("SELECT $1::text", "two");
          }
          try (Transaction tx = conn.transaction()) {
            conn.execute("SELECT $1::int", 3);
            tx.commit();
          }
        });
  }

  @Test
  void preparedStatementNamesDoNotCollideOnASharedServerConnection() throws Exception {
    // prepare_threshold=0 prepares every statement at once; all clients prepare the same text
    // on the one server connection, which failed with "prepared statement tusk_1 already exists".
    String conninfo = bouncer.conninfo() + " prepare_threshold=0";
    runConcurrently(
        conninfo,
        conn -> {
          for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, conn.execute("SELECT $1::int + 1", i).fetchOne().getInt(0));
          }
        });
  }

  private interface Work {
    void run(Connection conn);
  }

  private static void runConcurrently(String conninfo, Work work) throws Exception {
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        futures.add(
            executor.submit(
                () -> {
                  try (Connection conn = Tusk.connect(conninfo)) {
                    work.run(conn);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      executor.shutdown();
    }
  }
}
