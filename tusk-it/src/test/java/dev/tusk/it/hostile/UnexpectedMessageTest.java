package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.commandComplete;
import static dev.tusk.testing.fake.BackendMessages.dataRow;
import static dev.tusk.testing.fake.BackendMessages.parameterStatus;
import static dev.tusk.testing.fake.BackendMessages.rowDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.Script;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages a server may not send when it sends them: the connection ends as violated, and the
 * caller's next statement fails with that reason rather than reading anything into the stream.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class UnexpectedMessageTest {

  private static final Script ONE_QUERY =
      Script.create()
          .handshake()
          .answerExtendedQuery(rowDescription("x"), dataRow("1"), commandComplete("SELECT 1"));

  @Test
  void rowWhileNothingWasAsked() throws InterruptedException {
    Script script = ONE_QUERY.send(dataRow("injected"));
    assertViolationAfterFirstQuery(script, "DataRow arrived with no request waiting");
  }

  @Test
  void clientEncodingChangedUnderTheDriver() throws InterruptedException {
    Script script = ONE_QUERY.send(parameterStatus("client_encoding", "LATIN1"));
    assertViolationAfterFirstQuery(script, "client_encoding changed to LATIN1");
  }

  private static void assertViolationAfterFirstQuery(Script script, String reason)
      throws InterruptedException {
    try (FakeServer server = FakeServer.start(script);
        Connection conn = Tusk.connect(server.conninfo())) {
      assertEquals("1", conn.execute("SELECT x").fetchOne().getString(0));
      awaitClosed(conn);
      ProtocolViolation error =
          assertThrows(ProtocolViolation.class, () -> conn.execute("SELECT x").fetchOne());
      assertEquals("08P01", error.sqlState());
      assertTrue(error.getMessage().contains(reason), error.getMessage());
      server.verify();
    }
  }

  /** The violation arrives while the caller is idle: the reader ends the connection on its own. */
  private static void awaitClosed(Connection conn) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!conn.closed() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(conn.closed(), "the connection outlived a protocol violation");
  }
}
