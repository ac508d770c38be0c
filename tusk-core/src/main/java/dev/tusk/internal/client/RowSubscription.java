package dev.tusk.internal.client;

import dev.tusk.Query;
import dev.tusk.RowFactory;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;

/**
 * One run of a published query for one subscriber. The statement is sent at the subscriber's first
 * request and streams through the cursor machinery ({@link Statements#stream}, {@link RowStream}):
 * the session reads no further than the result's buffer of {@code bufferRows} rows holds, so the
 * rows read ahead of the subscriber's demand stay bounded while TCP holds the server back. Rows are
 * made and delivered on the subscription's emitter thread, which also reads the socket when nobody
 * else does. Cancelling sends a CancelRequest if the statement still runs, and the rest of its rows
 * are dropped as they arrive, so the connection stays usable.
 */
final class RowSubscription<R> extends FlowSubscription<R> {

  private final Statements statements;
  private final TypeScope types;
  private final RowFactory<R> rowFactory;
  private final Query query;
  private final Object[] positional;
  private final Map<String, ?> named;
  private final Streaming streaming;
  private final BooleanSupplier connectionClosed;

  /** The result still arriving, once the statement runs: what cancel stops. */
  private volatile RowStream stream;

  /**
   * The emitter while it waits inside the engine (for the statement's first rows, or for more): a
   * cancel interrupts it there, and the engine then cancels the statement on the server and waits
   * for its end, so that the emitter is never stuck behind a statement that sends nothing (a slow
   * aggregate, a set-returning function materializing). Never interrupted elsewhere, so the
   * subscriber's own code never sees the interrupt.
   */
  private volatile Thread waitingOnServer;

  private CursorResults<R> results;

  /**
   * @param positional the {@code $n} parameters, or null when {@code named} holds them
   */
  RowSubscription(
      Flow.Subscriber<? super R> subscriber,
      String threadName,
      Statements statements,
      TypeScope types,
      RowFactory<R> rowFactory,
      Query query,
      Object[] positional,
      Map<String, ?> named,
      int bufferRows,
      BooleanSupplier connectionClosed) {
    super(subscriber, threadName);
    this.connectionClosed = connectionClosed;
    this.statements = statements;
    this.types = types;
    this.rowFactory = rowFactory;
    this.query = query;
    this.positional = positional;
    this.named = named;
    this.streaming = new Streaming(bufferRows, true);
  }

  /** On a closed connection the statement fails at once: its error needs no request. */
  @Override
  boolean startsUnasked() {
    return connectionClosed.getAsBoolean();
  }

  @Override
  void run() {
    if (!startsUnasked() && !awaitDemand()) {
      return; // cancelled, or a bad request, before the statement was sent
    }
    try {
      results = new CursorResults<>(rowFactory, () -> types);
      Statements.Ran ran;
      enterEngine();
      try {
        ran =
            positional != null
                ? statements.stream(query, positional, types, streaming)
                : statements.stream(query, named, types, streaming);
      } finally {
        leaveEngine();
      }
      results.show(ran.results(), false, ran.stream(), ran.columns());
      stream = ran.stream();
      if (cancelled()) {
        stopSource(); // a cancel that came while the statement was being sent
      }
      Iterator<R> rows = results.iterator();
      while (awaitDemand()) {
        boolean more;
        enterEngine();
        try {
          more = rows.hasNext();
        } finally {
          leaveEngine();
        }
        if (!more) {
          complete();
          return;
        }
        R row = rows.next();
        if (row == null) {
          stopSource();
          fail(
              new ProgrammingError(
                  "the row factory made null (a scalar NULL?), which a Flow.Publisher may not"
                      + " emit (Reactive Streams §2.13): use COALESCE in the query, or a row"
                      + " factory that makes no nulls"));
          return;
        }
        if (!next(row)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // The statement's error, a row that could not be made (a row factory's own exception
      // too): the statement stops if it still runs. After a cancel the statement's own end
      // (QueryCanceled) is expected, and fail signals nothing then.
      stopSource();
      fail(e);
    }
  }

  private void enterEngine() {
    waitingOnServer = Thread.currentThread();
    if (cancelled()) {
      waitingOnServer.interrupt(); // a cancel that came just before: the engine sees it at once
    }
  }

  private void leaveEngine() {
    waitingOnServer = null;
  }

  @Override
  void stopSource() {
    RowStream running = stream;
    if (running != null) {
      running.cancel();
    }
    Thread waiting = waitingOnServer;
    if (waiting != null && waiting != Thread.currentThread()) {
      waiting.interrupt();
    }
  }

  @Override
  void finished() {
    Thread.interrupted(); // a cancel's interrupt that came as the emitter left the engine
    if (results != null) {
      // Drops what is still to come; the emitter is the stream's consumer, so it lets go here.
      results.closeStream();
    }
  }
}
