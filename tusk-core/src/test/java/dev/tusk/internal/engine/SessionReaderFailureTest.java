package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ConnectionFailure;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.FrontendMessages;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An Error on the reader thread (an OutOfMemoryError allocating a huge DataRow, say) must still end
 * the session: a reader that dies silently leaves every caller waiting forever.
 */
class SessionReaderFailureTest {

  /** A request whose response handling fails the way an allocation of a huge row would. */
  private static final class RunsOutOfMemory extends Exchange<Void> {
    @Override
    protected void encode(WriteBuffer out) {
      FrontendMessages.query(out, "SELECT 1");
    }

    @Override
    protected void onCommandComplete(CommandComplete message) {
      throw new OutOfMemoryError("Java heap space");
    }

    @Override
    protected Void result() {
      return null;
    }
  }

  @Test
  void anErrorOnTheReaderThreadFailsEveryRequestInFlight() throws Exception {
    try (Loopback loopback = Loopback.open()) {
      Session session = loopback.session();
      session.start();
      RunsOutOfMemory first = new RunsOutOfMemory();
      SimpleQuery second = new SimpleQuery("SELECT 2");
      session.submit(first);
      session.submit(second);
      loopback.reply(commandComplete("SELECT 1"));
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> second.future().get(10, TimeUnit.SECONDS));
      assertTrue(failed.getCause() instanceof ConnectionFailure, failed.getCause().toString());
      assertThrows(ExecutionException.class, () -> first.future().get(10, TimeUnit.SECONDS));
      assertTrue(session.isClosed(), "the session outlived its reader");
    }
  }

  private static byte[] commandComplete(String tag) {
    byte[] text = tag.getBytes(StandardCharsets.US_ASCII);
    WriteBuffer out = new WriteBuffer(16);
    out.writeByte('C');
    out.writeInt32(4 + text.length + 1);
    out.writeBytes(text);
    out.writeByte(0);
    return out.toByteArray();
  }
}
