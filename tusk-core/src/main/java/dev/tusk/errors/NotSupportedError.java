package dev.tusk.errors;

/** Raised for a method or database feature that the server does not support. As in DB-API. */
public class NotSupportedError extends DatabaseError {

  private static final long serialVersionUID = 1L;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public NotSupportedError(String message) {
    super(message);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public NotSupportedError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an error from a diagnostic. */
  public NotSupportedError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates an error from a diagnostic and its cause. */
  public NotSupportedError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
