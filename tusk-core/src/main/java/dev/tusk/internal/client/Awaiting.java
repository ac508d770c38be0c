package dev.tusk.internal.client;

import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.engine.Exchange;
import dev.tusk.internal.engine.Session;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The sync face: waits for an exchange's future on the caller's thread. */
final class Awaiting {

  private Awaiting() {}

  /**
   * Waits for {@code exchange}'s result. When {@code timeout} passes, or the thread is interrupted,
   * the server is asked to cancel the request (once it is the one running), and the wait goes on
   * until the request has ended, so the connection stays aligned: the request then fails with
   * {@code QueryCanceled}, or returns its result if it finished first. The interrupt flag is
   * restored. Errors are rethrown with the caller's stack trace, which is where users look.
   *
   * @param timeout how long the request may take, or null for no limit
   */
  static <T> T result(Session session, Exchange<T> exchange, Duration timeout) {
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    boolean cancelled = timeout == null;
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (cancelled) {
            return exchange.future().get();
          }
          return exchange.future().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          cancelled = true;
          session.cancelWhenRunning(exchange);
        } catch (InterruptedException e) {
          interrupted = true;
          cancelled = true;
          session.cancelWhenRunning(exchange);
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

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof TuskException error) {
      // Made on the reader thread; the caller's own frames say where it happened.
      error.fillInStackTrace();
      return error;
    }
    return new InterfaceError("unexpected failure inside the driver: " + cause, cause);
  }
}
