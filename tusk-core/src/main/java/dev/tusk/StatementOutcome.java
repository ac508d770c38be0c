package dev.tusk;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.TuskException;
import java.time.Duration;

/**
 * How a traced statement ended.
 *
 * @param rows rows returned or affected, as the command tags report them, summed over parameter
 *     sets (and over the statements of a script); for a streamed result closed early, the rows
 *     received; 0 when the statement failed
 * @param duration from just before the statement was sent until its outcome was known
 * @param error why it failed, or null if it succeeded
 */
public record StatementOutcome(long rows, Duration duration, TuskException error) {

  /** Whether the statement succeeded. */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * The SQLSTATE of the error (the server's, or the driver's own for a lost connection, a timeout
   * and the like); null on success and for errors that have none (a misuse of the API such as a
   * wrong parameter count).
   */
  public String sqlState() {
    return error instanceof DatabaseError database ? database.diagnostic().sqlState() : null;
  }
}
