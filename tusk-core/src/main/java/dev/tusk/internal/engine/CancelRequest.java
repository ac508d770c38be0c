package dev.tusk.internal.engine;

import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.Diagnostic;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.transport.Keepalive;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Sends a CancelRequest on a socket of its own, as the protocol requires. */
final class CancelRequest {

  private CancelRequest() {}

  /**
   * Connects, then sends the request if {@code stillWanted} says so. Asking again once connected
   * narrows the window in which the request meant to be cancelled finishes first and the cancel
   * hits the next one: connecting takes far longer than the check.
   */
  // "try": the watchdog closes the transport early, from its own thread, to end a blocked read.
  @SuppressWarnings("try")
  static void send(
      HostPort endpoint,
      Duration timeout,
      int processId,
      byte[] secretKey,
      BooleanSupplier stillWanted) {
    WriteBuffer message = new WriteBuffer(16);
    FrontendMessages.cancelRequest(message, processId, secretKey);
    CancelEvent event = new CancelEvent();
    event.begin();
    try (Transport transport = Transports.open(endpoint, timeout, Keepalive.OFF)) {
      if (!stillWanted.getAsBoolean()) {
        return;
      }
      transport.writeFully(message.array(), 0, message.size());
      event.sent = true;
      // The server closes the socket once it has read the request; waiting for that means the
      // cancel has arrived before this method returns. A peer that never closes it is given
      // the timeout, then the socket is closed under the read.
      Thread watchdog =
          Thread.ofVirtual()
              .name("tusk-cancel-timeout")
              .start(
                  () -> {
                    try {
                      Thread.sleep(timeout);
                      transport.close();
                    } catch (InterruptedException answered) {
                      // The server closed the socket first.
                    }
                  });
      try {
        transport.blockingInput().read();
      } finally {
        watchdog.interrupt();
      }
    } catch (IOException e) {
      event.error = e.toString();
      throw new ConnectionFailure(
          Diagnostic.client("08006", "could not send a cancel request to " + endpoint + ": " + e),
          e);
    } finally {
      if (event.shouldCommit()) {
        event.host = endpoint.host();
        event.port = endpoint.port();
        event.backendPid = processId;
        event.commit();
      }
    }
  }
}
