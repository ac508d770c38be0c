package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.concat;
import static dev.tusk.testing.fake.BackendMessages.errorResponse;
import static dev.tusk.testing.fake.BackendMessages.readyForQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Tusk;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.FrontendMessage;
import dev.tusk.testing.fake.Script;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A query timeout against the fake server: Tusk sends a CancelRequest on a second connection with
 * the key from BackendKeyData, and the server's cancellation error reaches the caller typed.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class FakeServerCancelTest {

  @Test
  void queryTimeoutSendsTheBackendsKeyAndGetsQueryCanceled() {
    Script session =
        Script.create()
            .handshake()
            .expectThrough('S')
            .delay(Duration.ofMillis(400))
            .send(
                concat(
                    errorResponse("ERROR", "57014", "canceling statement due to user request"),
                    readyForQuery('I')));
    Script cancel = Script.create().startup();
    try (FakeServer server = FakeServer.start(List.of(session, cancel));
        Connection conn = Tusk.connect(server.conninfo())) {
      QueryCanceled error =
          assertThrows(
              QueryCanceled.class,
              () -> conn.execute(Query.of("SELECT slow()").withTimeout(Duration.ofMillis(200))));
      assertEquals("57014", error.sqlState());

      List<FrontendMessage> cancels =
          server.received().stream()
              .filter(m -> m.type() == 0 && ByteBuffer.wrap(m.body()).getInt() == 80877102)
              .toList();
      // One, or more if the statement outlives the first: a CancelRequest is sent again every
      // 500 ms while the statement still runs (one that beat the statement cancelled nothing).
      assertFalse(cancels.isEmpty(), server.received()::toString);
      for (FrontendMessage sent : cancels) {
        ByteBuffer request = ByteBuffer.wrap(sent.body());
        request.getInt();
        assertEquals(4242, request.getInt(), "the process id from BackendKeyData");
        assertTrue(request.remaining() >= 4, "the secret key follows");
      }
      server.verify();
    }
  }
}
