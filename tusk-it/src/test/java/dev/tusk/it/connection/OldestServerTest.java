package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The run of the tests tagged {@code postgres14} is really on PostgreSQL 14 (a build that lost the
 * binaries property would run them on 17 twice and prove nothing), and what the failover handling
 * relies on from 14 on is there: the role parameters reported at start-up.
 */
@Tag("postgres14")
@TuskTest
class OldestServerTest {

  /** Set by the build for the PostgreSQL 14 run: the binaries the servers of this JVM run. */
  private static final String BINARIES = "tusk.test.binaries";

  @Test
  void theTaggedRunIsOnPostgreSQL14(PostgresServer server) {
    String jar = System.getProperty(BINARIES);
    assumeTrue(jar != null && jar.contains("postgres-14"), "not the PostgreSQL 14 run");
    assertEquals(14, server.serverVersionNum() / 10000, server.toString());
  }

  @Test
  void theRoleParametersAreReportedAtStartUp(Connection conn) {
    assertEquals("off", conn.info().parameter("in_hot_standby"));
    assertEquals("off", conn.info().parameter("default_transaction_read_only"));
  }
}
