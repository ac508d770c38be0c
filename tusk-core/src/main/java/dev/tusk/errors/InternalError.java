package dev.tusk.errors;

/**
 * Raised when the database meets an internal problem, such as a transaction out of sync. As in
 * DB-API.
 */
public class InternalError extends DatabaseError {

  private static final long serialVersionUID = 1L;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public InternalError(String message) {
    super(message);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public InternalError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an error from a diagnostic. */
  public InternalError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates an error from a diagnostic and its cause. */
  public InternalError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
