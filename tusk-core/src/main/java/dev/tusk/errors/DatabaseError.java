package dev.tusk.errors;

/**
 * An error about the database: reported by the server (an ErrorResponse, with every field in {@link
 * #diagnostic()}), or found by the driver on the server's behalf (a lost connection, a bad
 * parameter), in which case the diagnostic carries the SQLSTATE the server would have used.
 */
public class DatabaseError extends TuskException {

  private static final long serialVersionUID = 1L;

  private final Diagnostic diagnostic;

  /** Creates an error raised by the driver with no SQLSTATE. */
  public DatabaseError(String message) {
    this(message, (Throwable) null);
  }

  /** Creates an error raised by the driver with no SQLSTATE, and its cause. */
  public DatabaseError(String message, Throwable cause) {
    super(message, cause);
    this.diagnostic = Diagnostic.client(null, message);
  }

  /** Creates an error from a diagnostic (usually the server's ErrorResponse). */
  public DatabaseError(Diagnostic diagnostic) {
    this(diagnostic, null);
  }

  /** Creates an error from a diagnostic and the failure that caused it. */
  public DatabaseError(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic.describe(), cause);
    this.diagnostic = diagnostic;
  }

  /** All fields of the error as the server sent them. Never null. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }

  /** The five-character SQLSTATE, or null when the driver raised the error without one. */
  public String sqlState() {
    return diagnostic.sqlState();
  }

  /**
   * True for serialization failures (40001), deadlocks (40P01) and connections that were never
   * established (08001, 08004): running the same work again may succeed.
   */
  @Override
  public boolean isRetrySafe() {
    String state = sqlState();
    return state != null
        && switch (state) {
          case "40001", "40P01", "08001", "08004" -> true;
          default -> false;
        };
  }
}
