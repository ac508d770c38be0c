package dev.tusk.internal.engine;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.CopyData;
import dev.tusk.internal.protocol.CopyInResponse;
import dev.tusk.internal.protocol.CopyOutResponse;
import dev.tusk.internal.protocol.CopyResponse;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;

/**
 * A COPY statement run for the COPY API, over the simple protocol (a Query: the server ignores Sync
 * during COPY FROM STDIN, so the extended protocol would add nothing but a message to get wrong).
 *
 * <p>It is {@linkplain Session#submitCopy submitted behind a gate}: until the server answers, what
 * other callers submit waits. At CopyInResponse the COPY has started in: its owner writes CopyData
 * through {@link Session#sendCopyData} and ends with CopyDone or CopyFail through {@link
 * Session#endCopy}, which lets the waiting requests go. At CopyOutResponse the gate opens at once
 * (the server reads nothing during COPY TO), and the data streams into a bounded buffer that the
 * reader stops for while it is full, so TCP holds the server back. If the server fails the COPY
 * (ErrorResponse, ReadyForQuery), the exchange ends with that error and the gate opens too; the
 * server ignores CopyData that arrives after that.
 *
 * <p>The result is the row count of the COPY's command tag.
 */
public final class CopyRequest extends Exchange<Long> {

  /** Chunks the COPY TO buffer holds before the reader waits (a chunk is usually one row). */
  static final int STREAM_CHUNKS = 4096;

  private final String sql;
  private final StreamBuffer<byte[]> output = new StreamBuffer<>(STREAM_CHUNKS);
  private volatile CopyResponse response;
  private volatile boolean notCopy;
  private long rowCount = -1;

  /**
   * @param sql one {@code COPY ... FROM STDIN} or {@code COPY ... TO STDOUT} statement
   */
  public CopyRequest(String sql) {
    this.sql = sql;
  }

  @Override
  protected void encode(WriteBuffer out) {
    FrontendMessages.query(out, sql);
  }

  @Override
  protected Long result() {
    if (notCopy || response == null) {
      throw new ProgrammingError(
          "copy() runs one COPY ... FROM STDIN or COPY ... TO STDOUT statement; the server ran"
              + " this one without starting a COPY: use execute for it");
    }
    return rowCount;
  }

  /** Whether the server has started the COPY (or the statement has ended without one). */
  public boolean started() {
    return response != null || future().isDone();
  }

  /** Whether the COPY takes data from the client (FROM STDIN); false before it has started. */
  public boolean copiesIn() {
    return response instanceof CopyInResponse;
  }

  /** The overall format the server announced: 0 text (or CSV), 1 binary; -1 before the start. */
  public int format() {
    CopyResponse started = response;
    return started == null ? -1 : started.format();
  }

  /** The number of columns the server announced; -1 before the start. */
  public int columnCount() {
    CopyResponse started = response;
    return started == null ? -1 : started.columnFormats().length;
  }

  @Override
  void onCopyInResponse(CopyInResponse message, Outbound outbound) {
    response = message;
    // Its owner waits for the start, which another thread may have read.
    InFlight.wake(this);
  }

  @Override
  void onCopyOutResponse(CopyOutResponse message, Outbound outbound) {
    response = message;
    // The server reads no data for COPY TO: what waits behind the gate may go now.
    outbound.requestEnded(this);
    InFlight.wake(this);
  }

  @Override
  void onCopyData(CopyData message) {
    if (response instanceof CopyOutResponse) {
      boolean first = !output.hasItems();
      output.add(message.data(), message.data().length);
      if (first) {
        // Its reader may wait for data that another thread reads.
        InFlight.wake(this);
      }
    }
  }

  @Override
  StreamBuffer<?> stalledBuffer() {
    return output.isFull() ? output : null;
  }

  @Override
  protected void onCommandComplete(CommandComplete message) {
    if (response == null) {
      notCopy = true;
    }
    rowCount = message.rowCount();
  }

  // Not a COPY after all (copy("SELECT 1")): the statement runs to its end, and fails then.

  @Override
  protected void onRowDescription(RowDescription message) {
    notCopy = true;
  }

  @Override
  protected void onDataRow(DataRow message) {
    notCopy = true;
  }

  @Override
  protected void onEmptyQueryResponse() {
    notCopy = true;
  }

  /** Takes the COPY TO data that has arrived, in order (possibly none), making room for more. */
  public List<byte[]> take() {
    return output.take();
  }

  /** Whether COPY TO data has arrived that nobody has taken. */
  public boolean hasData() {
    return output.hasItems();
  }

  /**
   * Drops the COPY TO data buffered and still to come: its reader has gone. The statement still
   * runs to its end, so the connection stays aligned.
   */
  public void discard() {
    output.discard();
  }
}
