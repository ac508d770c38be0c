package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.Connection;
import dev.tusk.ConnectionOptions;
import dev.tusk.Tusk;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TuskTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connecting with settings built one by one or from a map: no quoting by hand, ever. */
@TuskTest
class ConnectionOptionsTest {

  private static final String AWKWARD = "it's a \\ 'name' = with spaces";

  private static ConnectionOptions superuser(PostgresServer server) {
    return Tusk.options()
        .host(server.host())
        .port(server.port())
        .dbname(server.database())
        .user(server.superuser());
  }

  @Test
  void valuesWithQuotesSpacesAndBackslashesArriveIntact(PostgresServer server) {
    assumeTrue(server.embedded(), "the superuser needs no password only on the embedded server");
    try (Connection conn = superuser(server).applicationName(AWKWARD).connect()) {
      assertEquals(AWKWARD, conn.execute("SHOW application_name").fetchOne().getString(0));
    }
  }

  @Test
  void aMapConnectsToo(PostgresServer server) throws Exception {
    assumeTrue(server.embedded(), "the superuser needs no password only on the embedded server");
    Map<String, Object> settings =
        Map.of(
            "host", server.host(),
            "port", server.port(),
            "dbname", server.database(),
            "user", server.superuser(),
            "application_name", AWKWARD);
    try (Connection conn = Tusk.connect(settings)) {
      assertEquals(AWKWARD, conn.execute("SHOW application_name").fetchOne().getString(0));
    }
    AsyncConnection async = Tusk.connectAsync(settings).get(30, TimeUnit.SECONDS);
    try (Connection conn = async.sync()) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }

  @Test
  void aPoolOpensItsConnectionsFromOptionsToo(PostgresServer server) {
    assumeTrue(server.embedded(), "the superuser needs no password only on the embedded server");
    ConnectionOptions options = superuser(server).applicationName(AWKWARD);
    try (ConnectionPool pool =
        new ConnectionPool(options::connect, PoolOptions.builder().size(1, 2).build())) {
      assertEquals(AWKWARD, pool.execute("SHOW application_name").fetchOne().getString(0));
      assertEquals(
          AWKWARD,
          pool.withConnection(c -> c.execute("SHOW application_name").fetchOne().getString(0)));
    }
  }

  @Test
  void aPasswordIsUsedAsGiven(PostgresServer server) {
    assumeTrue(server.enforcesPasswords());
    ConnectionOptions options =
        Tusk.options()
            .host(server.host())
            .port(server.port())
            .dbname(server.database())
            .user(TestRole.SCRAM.user())
            .password(TestRole.SCRAM.password());
    try (Connection conn = options.connect()) {
      assertEquals(
          TestRole.SCRAM.user(), conn.execute("SELECT current_user").fetchOne().getString(0));
    }
  }
}
