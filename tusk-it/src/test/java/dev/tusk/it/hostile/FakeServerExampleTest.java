package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.commandComplete;
import static dev.tusk.testing.fake.BackendMessages.concat;
import static dev.tusk.testing.fake.BackendMessages.dataRow;
import static dev.tusk.testing.fake.BackendMessages.errorResponse;
import static dev.tusk.testing.fake.BackendMessages.readyForQuery;
import static dev.tusk.testing.fake.BackendMessages.rowDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.TuskException;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.Script;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example of docs/testing.md, kept compiling and passing. */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class FakeServerExampleTest {

  /** Application code under test: retries work the error says is safe to retry, once. */
  static <T> T retryOnce(Supplier<T> work) {
    try {
      return work.get();
    } catch (TuskException e) {
      if (!e.isRetrySafe()) {
        throw e;
      }
      return work.get();
    }
  }

  @Test
  void serializationFailureIsRetriedOnce() {
    Script script =
        Script.create()
            .handshake()
            .expectThrough('S') // the first attempt: Parse, Bind, Describe, Execute, Sync
            .send(
                concat(
                    errorResponse("ERROR", "40001", "could not serialize access"),
                    readyForQuery('I')))
            .answerExtendedQuery(
                rowDescription("balance"), dataRow("100"), commandComplete("SELECT 1"));
    try (FakeServer server = FakeServer.start(script);
        Connection conn = Tusk.connect(server.conninfo())) {
      String balance =
          retryOnce(
              () ->
                  conn.execute("SELECT balance FROM accounts WHERE id = $1", 7)
                      .fetchOne()
                      .getString("balance"));
      assertEquals("100", balance);
      server.verify();
    }
  }
}
