package dev.tusk.pool;

import dev.tusk.errors.OperationalError;

/** A pool's queue of waiting requests was full ({@code maxWaiting}). Safe to retry later. */
public class TooManyRequests extends OperationalError {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message. */
  public TooManyRequests(String message) {
    super(message);
  }

  /** Nothing ran: asking again, once the queue is shorter, may succeed. */
  @Override
  public boolean isRetrySafe() {
    return true;
  }
}
