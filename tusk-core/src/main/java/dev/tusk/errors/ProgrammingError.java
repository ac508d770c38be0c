package dev.tusk.errors;

/**
 * Raised for a programming error: a table not found, a syntax error, a wrong number of parameters.
 * As in DB-API.
 */
public class ProgrammingError extends DatabaseError {

  private static final long serialVersionUID = 1L;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public ProgrammingError(String message) {
    super(message);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public ProgrammingError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an error from a diagnostic. */
  public ProgrammingError(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /** Creates an error from a diagnostic and its cause. */
  public ProgrammingError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic, cause);
  }
}
