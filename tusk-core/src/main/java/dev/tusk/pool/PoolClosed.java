package dev.tusk.pool;

import dev.tusk.errors.OperationalError;

/** A connection was asked of a pool that is closed, or closed while the request waited. */
public class PoolClosed extends OperationalError {

  private static final long serialVersionUID = 1L;

  /** Creates the error with a message. */
  public PoolClosed(String message) {
    super(message);
  }
}
