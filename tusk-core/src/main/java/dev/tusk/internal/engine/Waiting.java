package dev.tusk.internal.engine;

import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.Diagnostic;
import dev.tusk.internal.transport.TransportInput;
import java.io.IOException;
import java.time.Duration;

/**
 * One caller's wait for its request, as leader or follower: its deadline and what it did about time
 * and interrupts. When the deadline passes or the thread is interrupted, the request is cancelled
 * on the server (once it runs), and the caller goes on waiting for the request's own end, so the
 * stream stays aligned. If the server still has not answered a grace period after that, the link is
 * taken for dead: the connection is closed and every request in it fails, rather than the caller
 * waiting forever on a black-holed socket.
 */
public final class Waiting implements TransportInput.Patience {

  /** How long a cancelled request may take to end before its connection is given up. */
  static final Duration CANCEL_GRACE = Duration.ofSeconds(3);

  /** How often a cancelled request still running is cancelled again. */
  static final Duration CANCEL_RESEND = Duration.ofMillis(500);

  private final Session session;
  private final Exchange<?> exchange;
  private final Duration timeout;
  private long deadline;
  private long resendAt;
  private boolean cancelled;
  private boolean interrupted;

  /**
   * @param timeout how long the request may take, or null for no limit
   */
  Waiting(Session session, Exchange<?> exchange, Duration timeout) {
    this.session = session;
    this.exchange = exchange;
    this.timeout = timeout;
    this.deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
  }

  /** Whether the thread was interrupted while it waited; the session restores the flag. */
  boolean interrupted() {
    boolean was = interrupted;
    interrupted = false;
    return was;
  }

  @Override
  public long nanosToNextCheck() {
    if (deadline == 0) {
      return 0;
    }
    long next = resendAt != 0 && resendAt - deadline < 0 ? resendAt : deadline;
    return Math.max(1, next - System.nanoTime());
  }

  @Override
  public void check() throws IOException {
    if (Thread.interrupted()) {
      interrupted = true;
      cancel();
    }
    long now = System.nanoTime();
    if (resendAt != 0 && now - resendAt >= 0) {
      resendAt = now + CANCEL_RESEND.toNanos();
      if (!exchange.future().isDone() && session.isRunning(exchange)) {
        // The first CancelRequest may have reached the backend before the statement did (it
        // was still on its way): then it cancelled nothing, and only another one will.
        session.cancelAgain(exchange);
      }
    }
    if (deadline != 0 && now - deadline >= 0) {
      if (!cancelled) {
        cancel();
      } else if (session.isRunning(exchange)) {
        throw new CancelUnanswered(describe());
      } else {
        // Still queued behind another request: the grace counts from when it runs.
        deadline = System.nanoTime() + CANCEL_GRACE.toNanos();
      }
    }
  }

  /** The server still sends: a cancelled request gets its grace period anew. */
  @Override
  public void progress() {
    if (cancelled) {
      deadline = System.nanoTime() + CANCEL_GRACE.toNanos();
    }
  }

  private void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    long now = System.nanoTime();
    deadline = now + CANCEL_GRACE.toNanos();
    resendAt = now + CANCEL_RESEND.toNanos();
    session.cancelWhenRunning(exchange);
  }

  private String describe() {
    String why = interrupted ? "after an interrupt" : "after its timeout of " + timeout;
    return "the server did not end a statement within "
        + CANCEL_GRACE.toSeconds()
        + " s of cancelling it ("
        + why
        + "): the connection is taken for lost and closed";
  }

  /** The link is taken for dead: its request was cancelled and the server never answered. */
  static final class CancelUnanswered extends IOException {
    private static final long serialVersionUID = 1L;

    CancelUnanswered(String message) {
      super(message);
    }

    ConnectionFailure toError() {
      return new ConnectionFailure(Diagnostic.client("08006", getMessage()), this);
    }
  }
}
