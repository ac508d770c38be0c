package dev.tusk.errors;

/**
 * Raised for a problem in the database's operation, not necessarily under the programmer's control:
 * a lost connection, a cancelled query, a serialization failure. As in DB-API.
 */
public class OperationalError extends DatabaseError {

  private static final long serialVersionUID = 1L;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public OperationalError(String message) {
    super(message);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public OperationalError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an error from a diagnostic. */
  public OperationalError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates an error from a diagnostic and its cause. */
  public OperationalError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
