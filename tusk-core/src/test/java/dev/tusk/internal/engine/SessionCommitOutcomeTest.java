package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.TransactionResolutionUnknown;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A COMMIT that was sent and never answered may have committed. Closing the connection under it
 * must say so, not "the connection is closed", which reads as "nothing happened".
 */
class SessionCommitOutcomeTest {

  @Test
  void aCommitInFlightWhenTheUserClosesHasAnUnknownOutcome() throws Exception {
    try (Loopback loopback = Loopback.open()) {
      Session session = loopback.session();
      session.start();
      SimpleQuery commit = SimpleQuery.commit("COMMIT");
      session.submit(commit);
      // Sent ahead of Terminate: the server runs it whether or not its answer is read.
      session.close();
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> commit.future().get(10, TimeUnit.SECONDS));
      assertInstanceOf(TransactionResolutionUnknown.class, failed.getCause());
    }
  }
}
