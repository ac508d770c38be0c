package dev.tusk.errors;

/**
 * Raised for a statement of a pipeline that the server skipped because an earlier statement of the
 * same batch (up to the same sync point) failed. The statement did not run; the error that caused
 * the skip is reported on the statement that failed.
 */
public class PipelineAborted extends OperationalError {

  private static final long serialVersionUID = 1L;

  /** Creates the error for a skipped statement. */
  public PipelineAborted(String message) {
    super(message);
  }
}
