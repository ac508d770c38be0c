package dev.tusk.internal.client;

import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.Waiting;
import dev.tusk.internal.protocol.DataRow;
import java.util.List;

/**
 * A statement's result that is still arriving: its consumer takes rows in batches as they come,
 * reading the socket itself when no other thread does, and the session reads no further than the
 * result's buffer holds. The statement's deadline spans the whole stream.
 */
final class RowStream {

  private final Session session;
  private final ExtendedQuery request;
  private final StatementResult result;
  private final Waiting waiting;
  private final Runnable onEnd;
  private boolean ended;

  /**
   * @param onEnd run once when the stream has ended or been closed (learns from the statement)
   */
  RowStream(
      Session session,
      ExtendedQuery request,
      StatementResult result,
      Waiting waiting,
      Runnable onEnd) {
    this.session = session;
    this.request = request;
    this.result = result;
    this.waiting = waiting;
    this.onEnd = onEnd;
  }

  /** The result being streamed. */
  StatementResult result() {
    return result;
  }

  /**
   * The next rows, at least one, or an empty list at the end of the result, handing back {@code
   * spent}: the list an earlier call returned, which the caller has read and will not read again
   * (its room serves the rows to come), or null.
   *
   * @throws dev.tusk.errors.TuskException the statement's error, once the rows before it are taken
   */
  List<DataRow> next(List<DataRow> spent) {
    List<DataRow> handedBack = spent;
    while (!ended) {
      // Whether the request has ended is asked before taking: every row arrives before the end,
      // so an end seen first means the take holds the last rows. Asked after, an end that came in
      // between (another thread reading) would drop the rows that came with it.
      boolean over = request.future().isDone();
      List<DataRow> rows = result.take(handedBack);
      handedBack = null;
      if (!rows.isEmpty()) {
        return rows;
      }
      if (over) {
        end();
        session.outcome(request);
        return List.of();
      }
      session.awaitUntil(request, result::hasRows, true, waiting);
    }
    return List.of();
  }

  /**
   * Asks the server to stop the statement if it still runs (a CancelRequest, sent only while it is
   * the request the server works on); callable from any thread. The consumer then {@link #close()}s
   * the stream, which drops what still arrives, so the connection stays aligned.
   */
  void cancel() {
    session.cancelWhenRunning(request);
  }

  /**
   * Abandons the rest of the result: rows still to come are dropped as they arrive, so the
   * connection stays aligned and usable, and nobody waits for this consumer any more.
   */
  void close() {
    if (!ended) {
      result.discard();
      end();
    }
  }

  /**
   * Drops the rest of the result for a consumer that went away without closing it (its cursor was
   * collected): the rows still to come are dropped as they arrive, and the requests behind it no
   * longer wait for this consumer. Runs on the cleaner's thread, so it learns nothing from the
   * statement (that would take the session's lock there).
   */
  void abandon() {
    result.discard();
    session.abandon(request);
  }

  private void end() {
    ended = true;
    session.release(request);
    onEnd.run();
  }
}
