package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.FrontendMessages;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A request whose encoding fails must leave the in-flight queue, whatever it failed with: left
 * behind, it would take the responses meant for the next request.
 */
class SessionSubmitTest {

  /** Writes a complete Parse, then fails with {@code failure}. */
  private static final class Failing extends Exchange<Void> {
    private final RuntimeException runtime;
    private final Error error;

    Failing(RuntimeException runtime, Error error) {
      this.runtime = runtime;
      this.error = error;
    }

    @Override
    protected void encode(WriteBuffer out) {
      FrontendMessages.parse(out, "", "SELECT 1", new int[0]);
      if (runtime != null) {
        throw runtime;
      }
      throw error;
    }

    @Override
    protected Void result() {
      return null;
    }
  }

  @Test
  void aValueErrorFailsTheRequestAndLeavesTheQueue() throws Exception {
    try (Loopback loopback = Loopback.open()) {
      Session session = loopback.session();
      DataError bad = new DataError("bad value");
      Failing exchange = new Failing(bad, null);
      session.submit(exchange);
      assertTrue(session.isQuiet());
      assertSame(
          bad, assertThrows(CompletionException.class, () -> exchange.future().join()).getCause());
    }
  }

  @Test
  void anUnexpectedRuntimeExceptionLeavesTheQueue() throws Exception {
    try (Loopback loopback = Loopback.open()) {
      Session session = loopback.session();
      Failing exchange = new Failing(new IllegalStateException("codec bug"), null);
      assertThrows(IllegalStateException.class, () -> session.submit(exchange));
      assertTrue(session.isQuiet(), "the failed request is still in flight");
    }
  }

  @Test
  void anErrorLeavesTheQueueAndNoHalfRequestIsSent() throws Exception {
    try (Loopback loopback = Loopback.open()) {
      Session session = loopback.session();
      // What WriteBuffer throws when a request would exceed 2 GiB.
      Failing exchange = new Failing(null, new OutOfMemoryError("write buffer would exceed 2 GiB"));
      assertInstanceOf(
          OutOfMemoryError.class, assertThrows(Error.class, () -> session.submit(exchange)));
      assertTrue(session.isQuiet(), "the failed request is still in flight");
      Outbound outbound = loopback.outbound();
      assertThrows(
          OutOfMemoryError.class,
          () ->
              outbound.append(
                  out -> {
                    FrontendMessages.sync(out);
                    throw new OutOfMemoryError("write buffer would exceed 2 GiB");
                  }));
      assertArrayEquals(new byte[0], loopback.drain(outbound), "part of a request was sent");
    }
  }
}
