package dev.tusk;

import dev.tusk.errors.TuskException;

/**
 * How one statement of a pipeline's batch ended, as {@link Pipeline#sync()} and {@link
 * Pipeline#syncResults()} report it, in the order the statements were queued: its command tag and
 * row count, or its error. Its rows, if any, are on its cursor.
 *
 * @param statusMessage the command tag, such as {@code INSERT 0 1}; null if the statement failed
 * @param rowCount the rows the statement affected or returned as its tag reports them; -1 if it
 *     failed or its tag has no count
 * @param error why the statement failed ({@link dev.tusk.errors.PipelineAborted} if it was skipped
 *     after an earlier statement failed); null if it succeeded
 */
public record PipelineResult(String statusMessage, long rowCount, TuskException error) {

  /** Whether the statement succeeded. */
  public boolean succeeded() {
    return error == null;
  }
}
