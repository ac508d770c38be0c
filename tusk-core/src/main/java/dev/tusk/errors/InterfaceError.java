package dev.tusk.errors;

/**
 * An error in how the driver is used or in the driver itself, not reported by the server: a closed
 * cursor, an API called out of order. As in DB-API.
 */
public class InterfaceError extends TuskException {

  private static final long serialVersionUID = 1L;

  /** Creates an error with a message. */
  public InterfaceError(String message) {
    super(message);
  }

  /** Creates an error with a message and its cause. */
  public InterfaceError(String message, Throwable cause) {
    super(message, cause);
  }
}
