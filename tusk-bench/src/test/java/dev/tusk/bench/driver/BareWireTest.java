package dev.tusk.bench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.bench.data.Schema;
import dev.tusk.bench.data.Tables;
import dev.tusk.bench.harness.Unavailable;
import dev.tusk.bench.server.Admin;
import dev.tusk.bench.server.Endpoint;
import dev.tusk.bench.server.Login;
import dev.tusk.bench.server.Server;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bare wire of table a really runs the point select, on the benchmark's own server. */
class BareWireTest {

  /**
   * A DataRow of five non-null columns: length, count, five lengths, then at least the fixed ones.
   */
  private static final int SMALLEST_ROW = 4 + 2 + 5 * 4 + Long.BYTES + Long.BYTES;

  private static Server server;

  @BeforeAll
  static void start() throws Exception {
    server = Server.start();
    try (Admin admin = Admin.open(server.endpoint())) {
      Schema.create(admin, 1);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void findsTheRowAndNothingForAMissingId() throws Exception {
    assumeTrue(
        server.endpoint().owner().password() == null, "TUSK_BENCH_URL's owner has a password");
    try (BareWire wire = BareWire.open(server.endpoint())) {
      int first = wire.rowLength(1);
      assertTrue(first > SMALLEST_ROW, "row length " + first);
      assertEquals(0, wire.rowLength(Tables.ACCOUNT_COUNT + 1));
      assertEquals(first, wire.rowLength(1), "the connection answers again after a miss");
    }
  }

  @Test
  void refusesALoginWithAPassword() {
    Endpoint trusted = server.endpoint();
    Endpoint withPassword =
        new Endpoint(
            trusted.host(),
            trusted.port(),
            trusted.database(),
            new Login(trusted.owner().user(), "secret"),
            Map.of());
    assertThrows(Unavailable.class, () -> BareWire.open(withPassword));
  }
}
