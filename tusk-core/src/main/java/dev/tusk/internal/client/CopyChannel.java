package dev.tusk.internal.client;

import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.engine.CopyRequest;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.Waiting;
import dev.tusk.internal.protocol.FrontendMessages;
import java.time.Duration;
import java.util.List;

/**
 * One COPY's bytes, below the typed {@code Copy}: its data written in CopyData messages of about
 * {@link #CHUNK} bytes, or read as the chunks the server sent; its end (CopyDone, CopyFail, or the
 * end of the data out) and its outcome. Single-threaded, like a cursor: its owner calls it.
 *
 * <p>Errors: once the server has failed the COPY, every write, {@link #finish} and {@link #abort}
 * raise the server's error (a bad row's {@code InvalidTextRepresentation}, say); the connection is
 * usable again by then, since the server has answered ReadyForQuery.
 */
final class CopyChannel {

  /** The size of the CopyData messages a COPY FROM STDIN writes, as the rest of the write path. */
  static final int CHUNK = 64 * 1024;

  /** The CopyFail text of an abort; the server's error then quotes it, so it is told apart. */
  static final String ABORTED = "the COPY was closed without finish()";

  private final Session session;
  private final CopyRequest statement;
  private final Duration timeout;
  private final WriteBuffer pending;
  private Waiting reading;
  private List<byte[]> batch = List.of();
  private int batchIndex;
  private boolean ended;
  private boolean errorRaised;
  private Thread writer = Thread.currentThread();

  private CopyChannel(Session session, CopyRequest statement, Duration timeout) {
    this.session = session;
    this.statement = statement;
    this.timeout = timeout;
    this.pending = statement.copiesIn() ? new WriteBuffer(CHUNK + 8192) : null;
  }

  /**
   * Starts a COPY submitted by {@code submit}: waits until the server has answered it with
   * CopyInResponse or CopyOutResponse, or raises its error (no such table, say; nothing else was
   * then sent). From then on the session's I/O thread reads for it, so that the server's error
   * during COPY FROM STDIN is seen by the next write rather than at the end.
   */
  static CopyChannel start(Session session, CopyRequest statement, Duration timeout) {
    Waiting waiting = session.waiting(statement, timeout);
    if (session.awaitUntil(statement, statement::started, false, waiting)) {
      // Its error (or, if it was no COPY at all, the refusal); a short COPY TO may be over already.
      session.outcome(statement);
    }
    // This thread stays the COPY's owner (as a cursor's thread stays its stream's): a leader that
    // stops for the COPY's full buffer wakes it, and a statement it runs meanwhile collects the
    // rest of the data rather than waiting for it.
    session.readForMe(statement);
    return new CopyChannel(session, statement, timeout);
  }

  /** Whether the COPY takes data (FROM STDIN); else it gives data (TO STDOUT). */
  boolean copiesIn() {
    return statement.copiesIn();
  }

  /** 1 for the binary format, 0 for text and CSV, as the server announced. */
  int format() {
    return statement.format();
  }

  /** The number of columns the server announced. */
  int columnCount() {
    return statement.columnCount();
  }

  /** The row count of a COPY that has ended successfully, else -1. */
  long rowCount() {
    if (!statement.future().isDone() || statement.future().isCompletedExceptionally()) {
      return -1;
    }
    return statement.future().join();
  }

  // ---- COPY FROM STDIN

  /**
   * The buffer of data not yet sent, for an encoder to append rows to; call {@link #sent()} after.
   *
   * @throws TuskException the server's error if it has failed the COPY
   */
  WriteBuffer pending() {
    checkWritable();
    return pending;
  }

  /** Sends the pending data once it fills a CopyData message. */
  void sent() {
    if (pending.size() >= CHUNK) {
      flush();
    }
  }

  /** Appends {@code length} bytes of {@code data}, sending full messages as they fill. */
  void write(byte[] data, int offset, int length) {
    checkWritable();
    while (length > 0) {
      int room = CHUNK - pending.size();
      if (pending.size() == 0 && length >= CHUNK) {
        // A large array goes out without a copy into the pending buffer.
        send(data, offset, CHUNK);
        offset += CHUNK;
        length -= CHUNK;
        continue;
      }
      int taken = Math.min(room, length);
      pending.writeBytes(data, offset, taken);
      offset += taken;
      length -= taken;
      sent();
    }
  }

  /** Sends the pending data, if any. */
  void flush() {
    if (pending.size() > 0) {
      send(pending.array(), 0, pending.size());
      pending.clear();
    }
  }

  private void send(byte[] data, int offset, int length) {
    if (!session.sendCopyData(
        statement, out -> FrontendMessages.copyData(out, data, offset, length))) {
      checkWritable();
    }
  }

  private void checkWritable() {
    if (!copiesIn()) {
      throw new ProgrammingError("this COPY gives data (TO STDOUT): nothing can be written to it");
    }
    if (writer != Thread.currentThread()) {
      // The async face starts a COPY on one thread and writes it from another.
      writer = Thread.currentThread();
      session.claimCopy(statement);
    }
    if (ended) {
      throw new InterfaceError("the COPY has ended: no more data can be written");
    }
    raiseIfFailed();
  }

  /** Raises the server's error if it has failed the COPY. */
  private void raiseIfFailed() {
    if (statement.future().isDone()) {
      outcome();
    }
  }

  /** Waits for the statement's end; its error is raised, and remembered as seen by the user. */
  private long outcome() {
    try {
      return session.await(statement, timeout);
    } catch (TuskException e) {
      errorRaised = true;
      throw e;
    }
  }

  /**
   * Sends the pending data and CopyDone, and waits for the server's verdict. For a COPY TO STDOUT,
   * drops what is left to read and waits for its end.
   *
   * @return the number of rows copied
   * @throws TuskException the server's error: nothing was copied
   */
  long finish() {
    if (ended) {
      throw new InterfaceError("the COPY has already ended");
    }
    if (copiesIn()) {
      raiseIfFailed();
      flush();
      ended = true;
      session.endCopy(statement, FrontendMessages::copyDone);
    } else {
      // The rest of the data is not wanted: dropped as it arrives.
      statement.discard();
      ended = true;
    }
    return outcome();
  }

  /**
   * Aborts a COPY FROM STDIN with CopyFail, so the table is left unchanged, and waits for the
   * server to confirm; raises the server's own error if it had failed the COPY and the user has not
   * seen that error yet. Abandons a COPY TO STDOUT: its remaining data is dropped as it arrives
   * (the statement runs to its end, so no CancelRequest can hit another caller's statement). Does
   * nothing once ended.
   */
  void abort() {
    if (ended) {
      return;
    }
    ended = true;
    if (!copiesIn()) {
      statement.discard();
      session.release(statement);
      session.readForMe(statement);
      return;
    }
    boolean failedByUs = session.endCopy(statement, out -> FrontendMessages.copyFail(out, ABORTED));
    try {
      session.await(statement, timeout);
    } catch (QueryCanceled e) {
      if (!(failedByUs && isOurAbort(e)) && !errorRaised) {
        throw e;
      }
    } catch (TuskException e) {
      if (!errorRaised) {
        errorRaised = true;
        throw e;
      }
    }
  }

  private static boolean isOurAbort(QueryCanceled error) {
    String message = error.diagnostic().messagePrimary();
    return message != null && message.contains(ABORTED);
  }

  /**
   * The abort of a COPY whose owner went away without finishing or closing it (its {@code Copy} was
   * collected): CopyFail for data in, the rest dropped for data out; nobody waits for it. Runs on a
   * cleaner's thread, so it must not block: the CopyFail is written from a virtual thread.
   */
  Runnable abandonment() {
    return abandonment(session, statement);
  }

  private static Runnable abandonment(Session session, CopyRequest statement) {
    return () -> {
      if (statement.future().isDone()) {
        // Finished or closed: the owner ended it (clean() runs this action then too).
        return;
      }
      statement.discard();
      session.abandon(statement);
      if (statement.copiesIn()) {
        Thread.ofVirtual()
            .name("tusk-abandoned-copy")
            .start(
                () ->
                    session.endCopy(
                        statement,
                        out ->
                            FrontendMessages.copyFail(
                                out, "the COPY was dropped without finish() or close()")));
      }
    };
  }

  // ---- COPY TO STDOUT

  /**
   * The next chunk of data the server sent (usually a row), or null at the end.
   *
   * @throws TuskException the server's error, once the data before it has been read
   */
  byte[] read() {
    if (copiesIn()) {
      throw new ProgrammingError("this COPY takes data (FROM STDIN): it has nothing to read");
    }
    while (batchIndex >= batch.size()) {
      if (ended) {
        return null;
      }
      own();
      // Whether it has ended is asked before taking: all its data arrives before its end, so an
      // end seen first means the take holds the last of it. Asked after, an end that came in
      // between would drop the data that came with it.
      boolean over = statement.future().isDone();
      batch = statement.take();
      batchIndex = 0;
      if (!batch.isEmpty()) {
        break;
      }
      if (over) {
        ended = true;
        session.release(statement);
        outcome();
        return null;
      }
      if (reading == null) {
        reading = session.waiting(statement, timeout);
      }
      session.awaitUntil(statement, statement::hasData, true, reading);
    }
    return batch.get(batchIndex++);
  }

  /**
   * Makes this thread the COPY's reader, so that a statement it runs before the COPY's end (a
   * catalog query for a type) collects the rest of the data out instead of waiting for it.
   */
  void own() {
    if (!copiesIn() && !ended) {
      session.own(statement);
    }
  }

  /** Whether the COPY has ended (finished, aborted, failed or read to its end). */
  boolean ended() {
    return ended;
  }
}
