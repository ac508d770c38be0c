package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * min_protocol_version / max_protocol_version against a server older than PostgreSQL 18: asked for
 * 3.2, it answers NegotiateProtocolVersion and the session goes on in 3.0 (cancel included), unless
 * 3.2 is the minimum.
 */
@Tag("versions")
@TuskTest
class ProtocolVersionTest {

  private static final int FIRST_WITH_3_2 = 180000;

  @Test
  void askingFor32FallsBackTo30OnAnOlderServer(PostgresServer server) {
    assumeTrue(server.serverVersionNum() < FIRST_WITH_3_2, "the server speaks 3.2");
    for (String max : new String[] {"3.2", "latest"}) {
      try (Connection conn = Tusk.connect(server.conninfo() + " max_protocol_version=" + max)) {
        assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      }
    }
  }

  @Test
  void requiring32RefusesAnOlderServer(PostgresServer server) {
    assumeTrue(server.serverVersionNum() < FIRST_WITH_3_2, "the server speaks 3.2");
    SqlclientUnableToEstablishSqlconnection error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> Tusk.connect(server.conninfo() + " min_protocol_version=3.2").close());
    assertTrue(
        error.getMessage().contains("only supports protocol version 3.0"), error.getMessage());
  }
}
