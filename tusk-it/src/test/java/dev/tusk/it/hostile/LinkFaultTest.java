package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Tusk;
import dev.tusk.errors.ConnectionException;
import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.FaultProxy;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real server behind a {@link FaultProxy} that breaks the link: each fault ends the statement
 * with a typed connection error and leaves the connection closed, never a wrong value or a hang.
 */
@TuskTest
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class LinkFaultTest {

  private static final String BIG_RESULT = "SELECT repeat('x', 200000)";

  @Test
  void linkCutInTheMiddleOfAMessage(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride())) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      proxy.cutAfter(20);
      ConnectionFailure error =
          assertThrows(ConnectionFailure.class, () -> conn.execute(BIG_RESULT).fetchOne());
      assertEquals("08006", error.sqlState());
      assertTrue(conn.closed());
    }
  }

  /**
   * Issue 15, defect 5: through a link that stops forwarding, a call with a timeout still ends in
   * bounded time: the cancel finds no server, and after the grace period the connection is taken
   * for dead and closed.
   */
  @Test
  void aBlackHoledLinkEndsATimedCallInBoundedTime(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn =
            Tusk.connect(server.conninfo() + " connect_timeout=2 " + proxy.conninfoOverride())) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      proxy.blackHole();
      long start = System.nanoTime();
      ConnectionFailure error =
          assertThrows(
              ConnectionFailure.class,
              () -> conn.execute(Query.of("SELECT 2").withTimeout(Duration.ofSeconds(1))));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 15_000, "the timed call took " + millis + " ms");
      assertEquals("08006", error.sqlState());
      assertTrue(error.getMessage().contains("taken for lost"), error.getMessage());
      assertTrue(conn.closed());
    }
  }

  @Test
  void corruptedAnswerIsAConnectionErrorNeverAValue(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride())) {
      proxy.corrupt();
      // Inverted bytes make an unknown message type: the connection ends as violated.
      ConnectionException error =
          assertThrows(ConnectionException.class, () -> conn.execute(BIG_RESULT).fetchOne());
      assertEquals("08P01", error.sqlState());
      assertTrue(conn.closed());
    }
  }

  @Test
  void resetLink(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride())) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
      proxy.reset();
      ConnectionException error =
          assertThrows(ConnectionException.class, () -> conn.execute("SELECT 1").fetchOne());
      assertTrue(error.sqlState().startsWith("08"), error.sqlState());
      assertTrue(conn.closed());
    }
  }

  /** Nothing comes back, nothing closes: only connect_timeout can end the attempt. */
  @Test
  void blackHoledLinkDuringConnectEndsAtConnectTimeout(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
      proxy.blackHole();
      long start = System.nanoTime();
      SqlclientUnableToEstablishSqlconnection error =
          assertThrows(
              SqlclientUnableToEstablishSqlconnection.class,
              () ->
                  Tusk.connect(
                      server.conninfo() + " " + proxy.conninfoOverride() + " connect_timeout=1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(error.getMessage().contains("connect_timeout"), error.getMessage());
      assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }
  }

  @Test
  void slowLinkStillGivesTheRightAnswer(PostgresServer server) {
    try (FaultProxy proxy = FaultProxy.start(server.host(), server.port());
        Connection conn = Tusk.connect(server.conninfo() + " " + proxy.conninfoOverride())) {
      proxy.delay(Duration.ofMillis(100));
      assertEquals(200000, conn.execute(BIG_RESULT).fetchOne().getString(0).length());
    }
  }
}
