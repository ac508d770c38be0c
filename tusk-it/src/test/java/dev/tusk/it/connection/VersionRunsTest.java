package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The runs of the tests tagged {@code versions} are really on the versions their binaries name, 14
 * and 18 (a build that lost the binaries property would run them on 17 again and prove nothing),
 * and what the failover handling relies on from 14 on is there: the role parameters reported at
 * start-up.
 */
@Tag("versions")
@TuskTest
class VersionRunsTest {

  /** Set by the build for the runs on other versions: the binaries the servers of this JVM run. */
  private static final String BINARIES = "tusk.test.binaries";

  @Test
  void eachTaggedRunIsOnTheVersionItsBinariesName(PostgresServer server) {
    String jar = System.getProperty(BINARIES);
    assumeTrue(jar != null, "not a run on another version");
    Matcher version = Pattern.compile("postgres-(\\d+)").matcher(jar);
    assertTrue(version.find(), jar);
    assertEquals(
        Integer.parseInt(version.group(1)), server.serverVersionNum() / 10000, server.toString());
  }

  @Test
  void theRoleParametersAreReportedAtStartUp(Connection conn) {
    assertEquals("off", conn.info().parameter("in_hot_standby"));
    assertEquals("off", conn.info().parameter("default_transaction_read_only"));
  }
}
