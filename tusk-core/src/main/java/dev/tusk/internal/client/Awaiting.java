package dev.tusk.internal.client;

import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/** The sync face: waits for an exchange's future on the caller's thread. */
final class Awaiting {

  private Awaiting() {}

  /**
   * Waits for {@code exchange}'s result. An interrupt asks the server to cancel the request and
   * keeps waiting until it has ended, so the connection stays aligned; the interrupt flag is then
   * restored. Errors are rethrown with the caller's stack trace, which is where users look.
   */
  static <T> T result(Session session, Exchange<T> exchange, Duration cancelTimeout) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return exchange.future().get();
        } catch (InterruptedException e) {
          if (!interrupted) {
            interrupted = true;
            cancelIfRunning(session, exchange, cancelTimeout);
          }
        } catch (ExecutionException e) {
          throw rethrowable(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void cancelIfRunning(
      Session session, Exchange<?> exchange, Duration cancelTimeout) {
    // A CancelRequest stops whatever runs now: only send it while that is this request.
    if (!session.isRunning(exchange)) {
      return;
    }
    try {
      session.cancel(cancelTimeout);
    } catch (TuskException e) {
      // The request then simply runs to its end.
    }
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof TuskException error) {
      // Made on the reader thread; the caller's own frames say where it happened.
      error.fillInStackTrace();
      return error;
    }
    return new InterfaceError("unexpected failure inside the driver: " + cause, cause);
  }
}
