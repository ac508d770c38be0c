package dev.tusk.pool;

import dev.tusk.errors.OperationalError;

/** No connection could be had from a pool within the acquire timeout. Safe to retry. */
public class PoolTimeout extends OperationalError {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message. */
  public PoolTimeout(String message) {
    super(message);
  }

  /** Creates the error with a message and what made connecting fail, if anything did. */
  public PoolTimeout(String message, Throwable cause) {
    super(message, cause);
  }

  /** Nothing ran: asking again may succeed. */
  @Override
  public boolean isRetrySafe() {
    return true;
  }
}
