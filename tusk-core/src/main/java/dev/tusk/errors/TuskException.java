package dev.tusk.errors;

/**
 * The root of every error Tusk raises. Unchecked, like psycopg's {@code psycopg.Error}.
 *
 * <p>Messages never contain a password.
 */
public class TuskException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an error with a message. */
  public TuskException(String message) {
    super(message);
  }

  /** Creates an error with a message and the failure that caused it. */
  public TuskException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether running the same work again, unchanged, may succeed: true for serialization failures,
   * deadlocks and connections that could not be established. Never true once the outcome of a
   * commit is unknown.
   */
  public boolean isRetrySafe() {
    return false;
  }
}
