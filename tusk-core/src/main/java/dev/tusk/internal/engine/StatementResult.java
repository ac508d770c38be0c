package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
  static final int COLLECT = Integer.MAX_VALUE;

  /** Bytes of rows a streaming buffer holds at most, whatever its row capacity: wide rows. */
  static final long STREAM_BYTES = 8 << 20;

  private final RowDescription description;
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock: the rows not yet taken, and a reading thread waiting for room.
  private ArrayList<DataRow> rows = new ArrayList<>();
  private Thread waitingForRoom;

  // Written under lock, read without it by the checks the reader makes for every message (is the
  // buffer full, has it rows): a stale answer only lets one more message in, or waits once more.
  private volatile int buffered;
  private volatile long bytes;
  private volatile int capacity;
  private volatile boolean discarding;

  private volatile CommandComplete completion;
  private volatile boolean complete;

  StatementResult(RowDescription description) {
    this(description, COLLECT);
  }

  StatementResult(RowDescription description, int capacity) {
    this.description = description;
    this.capacity = capacity;
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
    lock.lock();
    try {
      if (!discarding) {
        rows.add(row);
        buffered = rows.size();
        bytes += row.bytes().length;
      }
    } finally {
      lock.unlock();
    }
  }

  void complete(CommandComplete completion) {
    this.completion = completion;
    this.complete = true;
  }

  /** Marks the end of a result that has no command tag (an empty query). */
  void end() {
    this.complete = true;
  }

  /** Whether a streaming buffer is full, so that the session must stop reading for now. */
  public boolean isFull() {
    return full();
  }

  /** Full once it holds more than its capacity: a result of exactly that many rows still fits. */
  private boolean full() {
    int limit = capacity;
    return !discarding && (buffered > limit || (limit != COLLECT && bytes >= STREAM_BYTES));
  }

  /**
   * Registers the reading thread to be unparked when a consumer makes room; false if there is room
   * already (the caller then reads on).
   */
  boolean waitForRoom(Thread reader) {
    lock.lock();
    try {
      if (!full()) {
        return false;
      }
      waitingForRoom = reader;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Lifts the limit: every remaining row is collected (the consumer's own thread must read on). */
  void collectAll() {
    lock.lock();
    try {
      capacity = COLLECT;
    } finally {
      lock.unlock();
    }
  }

  /** The columns, or null when the statement returns no rows (INSERT without RETURNING...). */
  public RowDescription description() {
    return description;
  }

  /** The rows of a collected result, in order; read once the request is done. */
  public List<DataRow> rows() {
    return rows;
  }

  /**
   * Takes every row buffered now, in order (possibly none), making room for more.
   *
   * @return the rows; the caller owns the list
   */
  public List<DataRow> take() {
    return empty(false);
  }

  /** Whether rows are buffered that nobody has taken. */
  public boolean hasRows() {
    return buffered > 0;
  }

  /**
   * Drops every buffered row and every row still to come: the consumer has abandoned the result.
   * The request still runs to its end, so the stream stays aligned.
   */
  public void discard() {
    empty(true);
  }

  /**
   * Empties the buffer (and keeps it empty if {@code discard}); wakes a reader waiting for room.
   */
  private List<DataRow> empty(boolean discard) {
    Thread reader;
    List<DataRow> taken;
    lock.lock();
    try {
      if (!discard && rows.isEmpty()) {
        return List.of();
      }
      discarding |= discard;
      taken = rows;
      rows = new ArrayList<>(discard ? 0 : Math.min(taken.size(), 1024));
      buffered = 0;
      bytes = 0;
      reader = waitingForRoom;
      waitingForRoom = null;
    } finally {
      lock.unlock();
    }
    if (reader != null) {
      LockSupport.unpark(reader);
    }
    return discard ? List.of() : taken;
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
