package dev.tusk.errors;

/**
 * Raised for a problem with the processed data: a value out of range, a division by zero, an
 * invalid input. As in DB-API.
 */
public class DataError extends DatabaseError {

  private static final long serialVersionUID = 1L;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public DataError(String message) {
    super(message);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public DataError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an error from a diagnostic. */
  public DataError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates an error from a diagnostic and its cause. */
  public DataError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
