package dev.tusk.internal.engine;

import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.DataError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.transport.Transport;
import dev.tusk.internal.transport.TransportInput;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One physical connection after startup: the socket, the in-flight FIFO of requests, and the rules
 * for who reads and writes.
 *
 * <p>Callers {@link #submit} exchanges: under one lock an exchange joins the FIFO and its messages
 * join the outbound buffer, so queue order is wire order; then the caller writes the buffer itself
 * unless another thread is writing, which takes the bytes along. A caller that waits ({@link
 * #await}) reads the socket itself if no other thread is reading (it takes the {@link Reading read
 * role}), routing each response to the exchange at the head of the FIFO, until its own request is
 * done; else it parks until the reader completes its request or hands the role on. A lone caller
 * thus writes and reads its own round trip with no hand-off, and concurrent callers' requests still
 * travel pipelined. The session's I/O thread reads when nobody waits (async requests, and messages
 * that arrive while the connection is idle) and runs the async face's callbacks.
 */
public final class Session implements AutoCloseable {

  private final Transport transport;
  private final HostPort endpoint;
  private final ServerState state;
  private final Outbound outbound;
  private final Reading reading;

  /**
   * Held while an exchange is queued and encoded, so that FIFO order equals wire order; held for a
   * whole transaction block by its owner, so that other callers wait (it is reentrant).
   */
  private final ReentrantLock submitLock = new ReentrantLock();

  private final CancelsInFlight cancels = new CancelsInFlight();

  /** How long a CancelRequest may take to connect: the connection's connect timeout. */
  private final Duration cancelTimeout;

  Session(
      Transport transport,
      BackendMessageReader reader,
      TransportInput input,
      HostPort endpoint,
      ServerState state,
      Duration cancelTimeout) {
    this.transport = transport;
    this.cancelTimeout = cancelTimeout;
    this.endpoint = endpoint;
    this.state = state;
    this.outbound = new Outbound(transport);
    this.reading = new Reading(this, transport, reader, input, outbound, state);
  }

  /** Starts the I/O thread; called once startup has finished. */
  void start() {
    reading.start("tusk-" + state.processId() + "@" + endpoint + "-io");
  }

  /**
   * Queues {@code exchange} and writes its messages (or leaves them to the thread writing now).
   * Returns its future; it fails at once if the session is closed or the exchange cannot be
   * encoded. Nothing waits for the answer: call {@link #await} for that, or {@link #readForMe} if
   * nobody will.
   */
  public <T> CompletableFuture<T> submit(Exchange<T> exchange) {
    return submit(exchange, false);
  }

  /**
   * Queues a COPY statement like {@link #submit}, and closes the write side behind it: until the
   * exchange {@linkplain #endCopy ends its data} or the server ends the statement, what other
   * callers submit waits in order behind it (the server would read it as the COPY's data), and only
   * {@link #sendCopyData} writes.
   */
  public <T> CompletableFuture<T> submitCopy(Exchange<T> exchange) {
    return submit(exchange, true);
  }

  private <T> CompletableFuture<T> submit(Exchange<T> exchange, boolean gated) {
    cancels.awaitNone(cancelTimeout);
    submitLock.lock();
    try {
      if (reading.isClosed()) {
        exchange.fail(reading.closedError());
        return exchange.future();
      }
      if (outbound.gatedByCurrentThread()) {
        exchange.fail(
            new ProgrammingError(
                "this thread is sending a COPY's data: finish() or close() the Copy before it runs"
                    + " anything else on the connection, a catalog lookup of a type it has not used"
                    + " yet included (the server reads everything sent before the COPY's end as"
                    + " its data)"));
        return exchange.future();
      }
      // Queued before its bytes can be sent, so its responses always find it.
      reading.enqueue(exchange);
      try {
        if (gated) {
          outbound.appendGated(exchange::encode, exchange);
        } else {
          outbound.append(exchange::encode);
        }
      } catch (TuskException | IllegalArgumentException e) {
        // Nothing of it was kept and nothing was queued after it: it can simply leave.
        reading.dequeue(exchange);
        exchange.fail(e instanceof TuskException tusk ? tusk : new DataError(e.getMessage(), e));
        return exchange.future();
      } catch (RuntimeException | Error e) {
        // Not a bad value but a failure of the driver or the JVM: the caller gets it as thrown,
        // and the exchange still leaves, or it would take the next request's responses.
        reading.dequeue(exchange);
        throw e;
      }
    } finally {
      submitLock.unlock();
    }
    reading.writeSubmitted();
    reading.failLateArrivals();
    return exchange.future();
  }

  /**
   * Writes a COPY's data ({@code messages} appends CopyData messages) on the calling thread, which
   * waits while the socket is full (reading meanwhile if nobody else does), so the data never
   * outruns the server. Returns false, writing nothing, if the COPY has ended (the server failed
   * it): its future then says why.
   */
  public boolean sendCopyData(Exchange<?> copy, Consumer<WriteBuffer> messages) {
    if (!outbound.appendOwned(copy, messages)) {
      return false;
    }
    reading.write(true);
    return true;
  }

  /**
   * Records the calling thread as the one writing {@code copy}'s data: a request it submits before
   * the COPY's end is refused, since it would wait behind the COPY for this very thread.
   */
  public void claimCopy(Exchange<?> copy) {
    outbound.claimGate(copy);
  }

  /**
   * Ends a COPY's data with {@code end} (CopyDone or CopyFail) and lets the requests held behind it
   * go. Returns false, writing nothing of its own, if the COPY had already ended.
   */
  public boolean endCopy(Exchange<?> copy, Consumer<WriteBuffer> end) {
    boolean sent = outbound.openGate(copy, end);
    reading.write(true);
    return sent;
  }

  /**
   * Makes the calling thread the consumer of a streaming request: if it runs another request before
   * the stream's end, the rest of the stream is collected for it rather than waited for.
   */
  public void own(Exchange<?> exchange) {
    exchange.waiter = Thread.currentThread();
  }

  /**
   * Makes sure a thread reads the responses to {@code exchange} though nobody {@link #await}s it
   * (the async face): the I/O thread, unless another thread is reading anyway.
   */
  public void readForMe(Exchange<?> exchange) {
    reading.ensureReader();
  }

  /**
   * Waits for {@code exchange}'s result, reading the socket itself when no other thread is. When
   * {@code timeout} passes, or the thread is interrupted, the server is asked to cancel the request
   * (once it is the one running), and the wait goes on until the request has ended, so the stream
   * stays aligned; a server silent for {@link Waiting#CANCEL_GRACE} after that closes the
   * connection. The interrupt flag is restored. Errors are rethrown with the caller's stack trace.
   *
   * @param timeout how long the request may take, or null for no limit
   */
  public <T> T await(Exchange<T> exchange, Duration timeout) {
    Waiting waiting = new Waiting(this, exchange, timeout);
    awaitUntil(exchange, () -> false, false, waiting);
    return outcome(exchange);
  }

  /**
   * Like {@link #await}, but returns as soon as {@code ready} holds, which what the reader routes
   * to {@code exchange} makes true (its streaming result has rows, say), or once the request is
   * done; returns whether it is done. {@code waiting} carries the caller's deadline across calls.
   *
   * @param drain whether to go on routing what has already arrived once ready
   */
  public boolean awaitUntil(
      Exchange<?> exchange, BooleanSupplier ready, boolean drain, Waiting waiting) {
    try {
      reading.awaitUntil(exchange, ready, drain, waiting);
    } finally {
      if (waiting.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
    return exchange.future().isDone();
  }

  /** A wait for {@code exchange} that may span several calls, with the request's timeout. */
  public Waiting waiting(Exchange<?> exchange, Duration timeout) {
    return new Waiting(this, exchange, timeout);
  }

  /**
   * Lets go of a streaming request whose consumer went away, from any thread: nobody waits for it
   * any more, and the I/O thread reads the rest.
   */
  public void abandon(Exchange<?> exchange) {
    reading.abandon(exchange);
  }

  /** Lets go of a streaming request that this thread consumed: it no longer waits for it. */
  public void release(Exchange<?> exchange) {
    reading.release(exchange);
  }

  /** The result of a request that is done, or its error with the caller's stack trace. */
  public <T> T outcome(Exchange<T> exchange) {
    try {
      return exchange.future().get();
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (InterruptedException e) {
      // Not reached: the future is done.
      Thread.currentThread().interrupt();
      throw new InterfaceError("interrupted", e);
    }
  }

  /**
   * Runs {@code delivery} (completing a future the user holds) where user code may safely run: on
   * the session's I/O thread, after it has let go of the read role, so that a callback that blocks
   * never stops the reading.
   */
  public void deliver(Runnable delivery) {
    reading.deliver(delivery);
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof TuskException error) {
      // Made on another thread, perhaps; the caller's own frames say where it happened.
      error.fillInStackTrace();
      return error;
    }
    return new InterfaceError("unexpected failure inside the driver: " + cause, cause);
  }

  /**
   * Gives the calling thread exclusive use until {@link #releaseExclusive()}: other threads'
   * submissions wait. Reentrant.
   */
  public void acquireExclusive() {
    submitLock.lock();
  }

  /** Like {@link #acquireExclusive()} if no other thread holds the session; false if one does. */
  public boolean tryAcquireExclusive() {
    return submitLock.tryLock();
  }

  /** Ends one {@link #acquireExclusive()}. */
  public void releaseExclusive() {
    submitLock.unlock();
  }

  /** Whether no request is in flight (the last known transaction status is then current). */
  public boolean isQuiet() {
    return reading.isQuiet();
  }

  /** Whether {@code exchange} is the request the server works on now (the head of the FIFO). */
  public boolean isRunning(Exchange<?> exchange) {
    return reading.isHead(exchange);
  }

  /** 'I' idle, 'T' in a transaction block, 'E' in a failed one, as of the last ReadyForQuery. */
  public char transactionStatus() {
    return state.transactionStatus();
  }

  /** Whether the server has refused a write as read-only (SQLSTATE 25006) since start-up. */
  public boolean refusedWrite() {
    return state.refusedWrite();
  }

  /** A server parameter from ParameterStatus, or null. */
  public String parameter(String name) {
    return state.parameter(name);
  }

  /** All server parameters reported so far. */
  public Map<String, String> parameters() {
    return state.parameters();
  }

  /** The backend's process ID. */
  public int processId() {
    return state.processId();
  }

  /** The server version in PQserverVersion's form. */
  public int serverVersion() {
    return state.serverVersion();
  }

  /** The host and port (or socket directory) this session is connected to. */
  public HostPort endpoint() {
    return endpoint;
  }

  /** Where notifications and notices go; see {@link ServerEvents}. */
  public ServerEvents events() {
    return reading.events();
  }

  /** Whether the session has ended. */
  public boolean isClosed() {
    return reading.isClosed();
  }

  /**
   * Sends a CancelRequest for this backend over a new socket. The server cancels whatever the
   * backend runs at that moment, if anything.
   */
  public void cancel() {
    if (isClosed()) {
      return;
    }
    cancels.started();
    try {
      sendCancelRequest(() -> true);
    } finally {
      cancels.ended();
    }
  }

  /**
   * Sends a CancelRequest for this backend if, once its socket is open, it is still wanted. Its
   * callers count it in {@link #cancels}: {@link #cancel()} here, the others in {@link
   * #cancelInBackground}.
   */
  private void sendCancelRequest(BooleanSupplier stillWanted) {
    CancelRequest.send(endpoint, cancelTimeout, state.processId(), state.secretKey(), stillWanted);
  }

  /**
   * Cancels from a virtual thread of its own: connecting the cancel socket must not hold up the
   * thread that reads for everyone, nor a closing caller.
   */
  void cancelInBackground(Runnable cancel) {
    // Counted from the decision on, so that no request submitted after it can overtake it.
    cancels.started();
    Thread.ofVirtual()
        .name("tusk-" + state.processId() + "-cancel")
        .start(
            () -> {
              try {
                cancel.run();
              } finally {
                cancels.ended();
              }
            });
  }

  /**
   * Cancels {@code exchange} on the server: now if it is the request running, else as soon as it
   * becomes the one running. Does nothing for a request that has finished. PostgreSQL cancels
   * whatever the backend runs when the request arrives, so a request that ends at that very moment
   * could let the next one be cancelled instead: requests submitted while a cancel is on its way
   * wait until it has arrived ({@link CancelsInFlight}). Requests already queued behind the
   * cancelled one (pipelined) may still be hit; no driver can avoid that.
   */
  public void cancelWhenRunning(Exchange<?> exchange) {
    if (exchange.future().isDone() || !exchange.requestCancel()) {
      return;
    }
    // Else the reader claims it when the request reaches the head of the queue.
    if (isRunning(exchange) && exchange.claimCancel()) {
      cancelInBackground(() -> sendCancel(exchange));
    }
  }

  /** Sends another CancelRequest for {@code exchange}, which a first one did not stop. */
  void cancelAgain(Exchange<?> exchange) {
    cancelInBackground(() -> sendCancel(exchange));
  }

  /** Cancels {@code exchange} if, once the cancel socket is open, it still runs. */
  void sendCancel(Exchange<?> exchange) {
    if (isClosed()) {
      return;
    }
    try {
      sendCancelRequest(() -> isRunning(exchange));
    } catch (TuskException e) {
      // The request then simply runs to its end.
    }
  }

  /**
   * Sends Terminate after the requests already queued, then closes the socket; requests still in
   * flight fail as closed. If another thread holds the session (a transaction block), closes the
   * socket at once instead of waiting for the block to end; the server rolls the block back.
   */
  @Override
  public void close() {
    boolean busy = !reading.isQuiet();
    if (submitLock.tryLock()) {
      try {
        if (reading.isClosed()) {
          return;
        }
        reading.closedByUser();
        outbound.append(FrontendMessages::terminate);
      } finally {
        submitLock.unlock();
      }
      try {
        // Bounded: the socket takes a Terminate at once unless the link is dead.
        outbound.writeAll(() -> transport.await(Transport.WRITE, 100_000_000L));
      } catch (IOException e) {
        // Closing anyway.
      }
    } else {
      reading.closedByUser();
    }
    reading.shutDown();
    if (busy) {
      // Requests in flight fail here, but the server would run them to the end first (a closed
      // socket goes unnoticed until the backend writes): cancel the one running.
      cancelInBackground(
          () -> {
            try {
              sendCancelRequest(() -> true);
            } catch (TuskException e) {
              // The backend then ends when it next writes to the closed socket.
            }
          });
    }
  }

  static ConnectionDoesNotExist closedByUserError() {
    return new ConnectionDoesNotExist(Diagnostic.client("08003", "the connection is closed"));
  }
}
