package dev.tusk.errors;

/**
 * Raised when the relational integrity of the database is affected: a unique, foreign key or check
 * constraint failed. As in DB-API.
 */
public class IntegrityError extends DatabaseError {

  private static final long serialVersionUID = 1L;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public IntegrityError(String message) {
    super(message);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public IntegrityError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an error from a diagnostic. */
  public IntegrityError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates an error from a diagnostic and its cause. */
  public IntegrityError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
