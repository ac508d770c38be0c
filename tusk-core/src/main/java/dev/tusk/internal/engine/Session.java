package dev.tusk.internal.engine;

import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlStates;
import dev.tusk.errors.TransactionResolutionUnknown;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.NoticeResponse;
import dev.tusk.internal.protocol.NotificationResponse;
import dev.tusk.internal.protocol.ParameterStatus;
import dev.tusk.internal.protocol.ReadyForQuery;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One physical connection after startup. It owns the socket, a reader thread and a writer thread.
 *
 * <p>Callers {@link #submit} exchanges: under one lock an exchange joins the in-flight FIFO and its
 * messages join the outbound buffer, so queue order is wire order. The reader thread routes every
 * message: notices and ParameterStatus to the session, everything else to the exchange at the head
 * of the FIFO, which leaves at its ReadyForQuery. Because the reader always reads, writes can never
 * deadlock against the server, and any number of callers can have requests in flight at once.
 */
public final class Session implements AutoCloseable {

  private final Transport transport;
  private final BackendMessageReader reader;
  private final HostPort endpoint;
  private final ServerState state;
  private final Outbound outbound;
  private final ConcurrentLinkedQueue<Exchange<?>> inFlight = new ConcurrentLinkedQueue<>();

  /**
   * Held while an exchange is queued and encoded, so that FIFO order equals wire order; held for a
   * whole transaction block by its owner, so that other callers wait (it is reentrant).
   */
  private final ReentrantLock submitLock = new ReentrantLock();

  /**
   * Set by the reader thread once it routes no more messages. Until then only the reader may take
   * exchanges off the FIFO: another thread draining it while the reader still routes buffered
   * responses could hand one request's rows to the next.
   */
  private volatile boolean readerStopped;

  /** Whether close() left requests in flight, for the writer to cancel once the socket is shut. */
  private volatile boolean cancelOnClose;

  /** Why the session ended; null while it is open. Set once. */
  private volatile DatabaseError closedBy;

  /** How long a CancelRequest may take to connect: the connection's connect timeout. */
  private final Duration cancelTimeout;

  Session(
      Transport transport,
      BackendMessageReader reader,
      HostPort endpoint,
      ServerState state,
      Duration cancelTimeout) {
    this.transport = transport;
    this.cancelTimeout = cancelTimeout;
    this.reader = reader;
    this.endpoint = endpoint;
    this.state = state;
    this.outbound = new Outbound(transport);
  }

  /** Starts the reader and writer threads; called once startup has finished. */
  void start() {
    String name = "tusk-" + state.processId() + "@" + endpoint;
    // Platform threads: a blocking read woken by the kernel has less latency than a virtual thread
    // woken by the poller, and there are only two per connection.
    Thread.ofPlatform().daemon().name(name + "-reader").start(this::readLoop);
    Thread.ofPlatform().daemon().name(name + "-writer").start(this::writeLoop);
  }

  /**
   * Queues {@code exchange} and its messages. Returns its future; it fails at once if the session
   * is closed or the exchange cannot be encoded.
   */
  public <T> CompletableFuture<T> submit(Exchange<T> exchange) {
    submitLock.lock();
    try {
      if (closedBy != null) {
        exchange.fail(closedError());
        return exchange.future();
      }
      // Queued before its bytes can be sent, so its responses always find it.
      inFlight.add(exchange);
      try {
        outbound.append(exchange::encode);
      } catch (TuskException | IllegalArgumentException e) {
        // Nothing of it was kept and nothing was queued after it: it can simply leave.
        inFlight.remove(exchange);
        exchange.fail(
            e instanceof TuskException tusk
                ? tusk
                : new dev.tusk.errors.DataError(e.getMessage(), e));
        return exchange.future();
      } catch (RuntimeException | Error e) {
        // Not a bad value but a failure of the driver or the JVM: the caller gets it as thrown,
        // and the exchange still leaves, or it would take the next request's responses.
        inFlight.remove(exchange);
        throw e;
      }
    } finally {
      submitLock.unlock();
    }
    if (closedBy != null && readerStopped) {
      failInFlight();
    }
    return exchange.future();
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
    return inFlight.isEmpty();
  }

  /** Whether {@code exchange} is the request the server works on now (the head of the FIFO). */
  public boolean isRunning(Exchange<?> exchange) {
    return inFlight.peek() == exchange;
  }

  /** 'I' idle, 'T' in a transaction block, 'E' in a failed one, as of the last ReadyForQuery. */
  public char transactionStatus() {
    return state.transactionStatus();
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

  /** Whether the session has ended. */
  public boolean isClosed() {
    return closedBy != null;
  }

  /**
   * Sends a CancelRequest for this backend over a new socket. The server cancels whatever the
   * backend runs at that moment, if anything.
   */
  public void cancel() {
    if (isClosed()) {
      return;
    }
    sendCancelRequest(() -> true);
  }

  /** Sends a CancelRequest for this backend if, once its socket is open, it is still wanted. */
  private void sendCancelRequest(BooleanSupplier stillWanted) {
    CancelRequest.send(endpoint, cancelTimeout, state.processId(), state.secretKey(), stillWanted);
  }

  /**
   * Cancels from a virtual thread of its own: the reader must never block on a socket, nor a
   * closing caller wait for the server.
   */
  private void cancelInBackground(Runnable cancel) {
    Thread.ofVirtual().name("tusk-" + state.processId() + "-cancel").start(cancel);
  }

  /**
   * Cancels {@code exchange} on the server: now if it is the request running, else as soon as it
   * becomes the one running (the reader sends the CancelRequest then). Does nothing for a request
   * that has finished. PostgreSQL cancels whatever the backend runs when the request arrives, so a
   * request that ends at that very moment may let the next one be cancelled instead; no driver can
   * avoid that.
   */
  public void cancelWhenRunning(Exchange<?> exchange) {
    if (exchange.future().isDone() || !exchange.requestCancel()) {
      return;
    }
    // Else the reader claims it when the request reaches the head of the queue.
    if (isRunning(exchange) && exchange.claimCancel()) {
      sendCancel(exchange);
    }
  }

  /** Cancels {@code exchange} if, once the cancel socket is open, it still runs. */
  private void sendCancel(Exchange<?> exchange) {
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
   * Sends Terminate after the requests already queued, then closes the socket. If another thread
   * holds the session (a transaction block), closes the socket at once instead of waiting for the
   * block to end; the server rolls the block back.
   */
  @Override
  public void close() {
    // Taken first: the reader empties the queue as soon as the socket closes.
    boolean busy = !inFlight.isEmpty();
    if (!submitLock.tryLock()) {
      if (closedBy == null) {
        closedBy = closedByUser();
      }
      // The reader, its read failing, fails what is in flight with "the connection is closed".
      outbound.stop();
      transport.close();
      cancelAbandoned(busy);
      return;
    }
    try {
      if (closedBy != null) {
        return;
      }
      closedBy = closedByUser();
      cancelOnClose = busy;
      outbound.append(FrontendMessages::terminate);
      outbound.stop();
    } finally {
      submitLock.unlock();
    }
    // The writer closes the socket once Terminate is out (and then cancels what was abandoned);
    // the reader then fails what is left in flight with "the connection is closed".
  }

  /**
   * Requests still in flight at close fail here, but the server would run them to the end first (a
   * closed socket goes unnoticed until the backend writes): cancel the one running.
   */
  private void cancelAbandoned(boolean busy) {
    if (!busy) {
      return;
    }
    cancelInBackground(
        () -> {
          try {
            sendCancelRequest(() -> true);
          } catch (TuskException e) {
            // The backend then ends when it next writes to the closed socket.
          }
        });
  }

  private void readLoop() {
    try {
      while (true) {
        BackendMessage message = reader.read();
        if (closedBy != null) {
          // Closed: what still arrives answers requests that now fail as closed, so that they
          // fail the same way whether or not the server answered before the socket shut.
          stopReading();
          return;
        }
        route(message);
      }
    } catch (IOException | RuntimeException e) {
      end(e);
      stopReading();
    } catch (Error e) {
      // An OutOfMemoryError on a huge row, say: without a reader no request could ever finish.
      end(e);
      stopReading();
      throw e;
    }
  }

  /** The reader's last act: from now on whoever finds the session closed fails the FIFO. */
  private void stopReading() {
    readerStopped = true;
    failInFlight();
  }

  private void writeLoop() {
    try {
      outbound.runWriter();
      transport.close();
      cancelAbandoned(cancelOnClose);
    } catch (IOException | InterruptedException | RuntimeException e) {
      end(e);
    } catch (Error e) {
      end(e);
      throw e;
    }
  }

  private void route(BackendMessage message) {
    switch (message) {
      case NoticeResponse notice -> NoticeLog.log(notice.diagnostic());
      case ParameterStatus status -> {
        state.parameter(status.name(), status.value());
        if (status.name().equals("client_encoding") && !status.value().equals("UTF8")) {
          throw violation("client_encoding changed to " + status.value() + "; Tusk needs UTF8");
        }
      }
      case NotificationResponse notification ->
          NoticeLog.notificationDropped(notification.channel());
      default -> {
        Exchange<?> head = inFlight.peek();
        if (head == null) {
          throw unsolicited(message);
        }
        if (message instanceof ReadyForQuery ready) {
          state.transactionStatus(ready.transactionStatus());
        }
        if (head.handle(message, outbound)) {
          inFlight.poll();
          head.finish();
          cancelNextIfWanted();
        }
      }
    }
  }

  /**
   * A request whose caller asked to cancel it while it waited in the queue is cancelled once it is
   * the one running.
   */
  private void cancelNextIfWanted() {
    Exchange<?> next = inFlight.peek();
    if (next != null && next.claimCancel()) {
      cancelInBackground(() -> sendCancel(next));
    }
  }

  /**
   * Ends the session for {@code cause}: closes the socket, so the reader's next read fails and it
   * fails every request in flight (see {@link #stopReading()}).
   */
  private void end(Throwable cause) {
    if (closedBy == null) {
      // Races only with close(), and either reason is a fine one to report.
      closedBy = lostError(cause);
    }
    outbound.stop();
    transport.close();
  }

  private void failInFlight() {
    Exchange<?> exchange;
    while ((exchange = inFlight.poll()) != null) {
      exchange.fail(errorFor(exchange));
    }
  }

  private TuskException errorFor(Exchange<?> exchange) {
    TuskException reason = closedBy;
    // Also when the user closed the session: what is in flight was sent ahead of Terminate.
    if (exchange.outcomeUnknownIfLost()) {
      return new TransactionResolutionUnknown(
          Diagnostic.client(
              "08007",
              "the connection ended after COMMIT was sent: the transaction may or may not"
                  + " have committed"),
          reason);
    }
    return reason instanceof ConnectionDoesNotExist ? closedError() : reason;
  }

  /**
   * A message with no request waiting for it: the server's last words before it closes the
   * connection (a FATAL error, e.g. after pg_terminate_backend), else a protocol violation.
   */
  private static DatabaseError unsolicited(BackendMessage message) {
    if (message instanceof ErrorResponse error) {
      return SqlStates.toException(error.diagnostic());
    }
    return violation(message.getClass().getSimpleName() + " arrived with no request waiting");
  }

  private DatabaseError lostError(Throwable cause) {
    // A protocol violation or the server's FATAL error says best why the session ended.
    if (cause instanceof DatabaseError error) {
      return error;
    }
    if (cause instanceof dev.tusk.internal.protocol.ProtocolViolationException violation) {
      return new ProtocolViolation(Diagnostic.client("08P01", violation.getMessage()), violation);
    }
    return new ConnectionFailure(
        Diagnostic.client(
            "08006", "the connection to " + endpoint + " was lost: " + cause.getMessage()),
        cause);
  }

  private ConnectionDoesNotExist closedByUser() {
    return new ConnectionDoesNotExist(Diagnostic.client("08003", "the connection is closed"));
  }

  /**
   * The error for a request made after the session ended: "closed" if the user closed it, else the
   * same error that ended it, fresh, so that each caller's stack trace is its own.
   */
  private DatabaseError closedError() {
    DatabaseError reason = closedBy;
    return reason instanceof ConnectionDoesNotExist
        ? closedByUser()
        : SqlStates.toException(reason.diagnostic(), reason);
  }

  private static ProtocolViolation violation(String message) {
    return new ProtocolViolation(Diagnostic.client("08P01", message));
  }
}
