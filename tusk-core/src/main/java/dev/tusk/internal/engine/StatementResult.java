package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;

/**
 * What one statement returned: its row description (null when it returns no rows), its DataRows as
 * the server sent them, and its command tag.
 *
 * <p>Its rows go into a buffer that either collects them all (read once the request is done) or,
 * when the result streams, holds at most {@code capacity} rows: a consumer takes them as they
 * arrive, and while the buffer is full the session reads nothing more (TCP then holds the server
 * back). The reading thread adds rows; the consumer, perhaps another thread, takes them.
 */
public final class StatementResult {

  /** Rows a collecting result may hold: no limit. */
  static final int COLLECT = StreamBuffer.COLLECT;

  private final RowDescription description;
  private final StreamBuffer<DataRow> rows;

  private volatile CommandComplete completion;
  private volatile boolean complete;
  private volatile boolean suspended;

  StatementResult(RowDescription description) {
    this(description, COLLECT);
  }

  StatementResult(RowDescription description, int capacity) {
    this.description = description;
    this.rows = new StreamBuffer<>(capacity);
  }

  /**
   * Adds a row that arrived; called by the reading thread.
   *
   * @throws ProtocolViolation if the row's field count is not the description's: reading it would
   *     mix up or invent columns
   */
  void add(DataRow row) {
    int expected = description == null ? 0 : description.fields().length;
    if (row.columnCount() != expected) {
      throw new ProtocolViolation(
          Diagnostic.client(
              "08P01",
              "a DataRow with "
                  + row.columnCount()
                  + " fields arrived for a result of "
                  + expected
                  + " columns"));
    }
    rows.stage(row, row.length());
  }

  /**
   * Makes the rows that arrived so far visible to the consumer (see {@link StreamBuffer#stage}).
   */
  void publish() {
    rows.publish();
  }

  void complete(CommandComplete completion) {
    rows.publish();
    this.completion = completion;
    this.complete = true;
  }

  /** Marks the end of a result that has no command tag (an empty query). */
  void end() {
    rows.publish();
    this.complete = true;
  }

  /** Marks the end of an Execute stopped at its row limit (PortalSuspended): rows remain. */
  void suspend() {
    rows.publish();
    this.suspended = true;
    this.complete = true;
  }

  /**
   * Whether this result ended at its Execute's row limit, its portal holding more rows (or none:
   * the server suspends a portal whose last row was the limit's last, and only the next Execute
   * finds the end).
   */
  public boolean isSuspended() {
    return suspended;
  }

  /** Whether a streaming buffer is full, so that the session must stop reading for now. */
  public boolean isFull() {
    return rows.isFull();
  }

  /** Whether more than {@code count} rows arrived that nobody has taken; asked by the reader. */
  boolean holdsMoreThan(int count) {
    return rows.holdsMoreThan(count);
  }

  /** The buffer of rows, which the reading thread stops for while it is full. */
  StreamBuffer<DataRow> buffer() {
    return rows;
  }

  /** The columns, or null when the statement returns no rows (INSERT without RETURNING...). */
  public RowDescription description() {
    return description;
  }

  /** The rows of a collected result, in order; read once the request is done. */
  public List<DataRow> rows() {
    return rows.all();
  }

  /**
   * Takes every row buffered now, in order (possibly none), making room for more, and handing back
   * {@code spent}: a list an earlier take returned that the caller has read and will not read again
   * (reused for the rows to come, so a stream's batches cost no list each), or null.
   *
   * @return the rows; the caller owns the list
   */
  public List<DataRow> take(List<DataRow> spent) {
    return rows.take(spent);
  }

  /** Whether rows are buffered that nobody has taken. */
  public boolean hasRows() {
    return rows.hasItems();
  }

  /**
   * Drops every buffered row and every row still to come: the consumer has abandoned the result.
   * The request still runs to its end, so the stream stays aligned.
   */
  public void discard() {
    rows.discard();
  }

  /** Whether the statement has finished (its command tag arrived): no more rows will come. */
  public boolean isComplete() {
    return complete;
  }

  /** The command tag, e.g. "INSERT 0 1"; null for an empty query. */
  public String commandTag() {
    CommandComplete done = completion;
    return done == null ? null : done.tag();
  }

  /** The rows affected or returned as the tag reports them, or -1. */
  public long rowCount() {
    CommandComplete done = completion;
    return done == null ? -1 : done.rowCount();
  }
}
