package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.ScratchServer;
import dev.tusk.testing.ScratchServer.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A failover on real servers: the primary goes away and the standby is promoted. Connections (and a
 * pool's) that ask for a primary go to the new one; a session open on the standby sees {@code
 * in_hot_standby} turn off.
 */
@Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
class FailoverTest {

  @Test
  void afterPromotionPrimaryAndReadWriteFindTheNewPrimary() {
    assumeTrue(PostgresServer.get().embedded(), "needs the embedded server's binaries");
    ScratchServer primary = ScratchServer.start(Role.PRIMARY);
    try (ScratchServer standby = ScratchServer.start(Role.STANDBY)) {
      String conninfo =
          MultiHostTest.base("read-write", primary.port(), standby.port())
              .replace("connect_timeout=10", "connect_timeout=5");
      try (ConnectionPool pool = new ConnectionPool(conninfo, PoolOptions.builder().build());
          Connection onStandby =
              Tusk.connect(standby.conninfo() + " target_session_attrs=standby")) {
        assertEquals("on", onStandby.info().parameters().get("in_hot_standby"));
        try (Connection conn = pool.connection()) {
          assertEquals(primary.port(), conn.info().port());
        }

        primary.close();
        SqlclientUnableToEstablishSqlconnection before =
            assertThrows(
                SqlclientUnableToEstablishSqlconnection.class, () -> Tusk.connect(conninfo));
        assertTrue(before.getMessage().contains("session is read-only"), before.getMessage());

        standby.promote();
        try (Connection conn = Tusk.connect(conninfo)) {
          assertEquals(standby.port(), conn.info().port());
          conn.execute("CREATE TABLE written_after_failover (id int)");
        }
        assertEquals(standby.port(), portOfAPooledConnection(pool));
        // The session opened on the standby learns of the promotion from a ParameterStatus,
        // delivered with the next response.
        onStandby.execute("SELECT 1");
        assertEquals("off", onStandby.info().parameters().get("in_hot_standby"));
      }
    }
  }

  /** The pool discards connections to the lost primary and opens new ones where the string says. */
  private static int portOfAPooledConnection(ConnectionPool pool) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (Connection conn = pool.connection()) {
        conn.execute("SELECT 1");
        return conn.info().port();
      } catch (TuskException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }
}
