package dev.tusk.internal.engine;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlStates;
import dev.tusk.internal.protocol.Authentication;
import dev.tusk.internal.protocol.BackendKeyData;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CloseComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.CopyData;
import dev.tusk.internal.protocol.CopyDone;
import dev.tusk.internal.protocol.CopyResponse;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.EmptyQueryResponse;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.NegotiateProtocolVersion;
import dev.tusk.internal.protocol.NoData;
import dev.tusk.internal.protocol.NoticeResponse;
import dev.tusk.internal.protocol.NotificationResponse;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.ParameterStatus;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.PortalSuspended;
import dev.tusk.internal.protocol.ReadyForQuery;
import dev.tusk.internal.protocol.RowDescription;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-flight FIFO of a session's requests, in wire order, and the routing of each backend
 * message to where it belongs. Only the thread holding the read role routes, and only it takes
 * requests off while the session is open (see {@link Reading}).
 */
final class InFlight {

  private final RequestFifo<Exchange<?>> queue = new RequestFifo<>();
  private final Session session;
  private final ServerState state;
  private final ServerEvents events;
  private final Outbound outbound;

  /** Counts the waiters routing has woken; only the role's holder routes, so a plain field. */
  private long wakes;

  /** The server's FATAL error, which says best why the socket closed after it. */
  private volatile DatabaseError fatal;

  InFlight(Session session, ServerState state, ServerEvents events, Outbound outbound) {
    this.session = session;
    this.state = state;
    this.events = events;
    this.outbound = outbound;
  }

  void add(Exchange<?> exchange) {
    queue.add(exchange);
  }

  /** Takes back the request added last, whose bytes could not be queued; see {@link Session}. */
  void remove(Exchange<?> exchange) {
    queue.removeLast(exchange);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** The request the server works on now, or null. */
  Exchange<?> peek() {
    return queue.peek();
  }

  /**
   * Whether the session's I/O thread should read: a request is in flight that no caller reads for.
   * A request whose caller waits for it is read by that caller, and a stream whose consumer pauses
   * (it stays the request's waiter) is read no further until the consumer comes back, unless a
   * request behind it needs the connection.
   */
  boolean needsReader() {
    Exchange<?> head = queue.peek();
    if (head == null) {
      return false;
    }
    return head.waiter == null || queue.holdsMoreThanOne();
  }

  /** Takes the head off; only when the session has ended (see {@link Reading}). */
  Exchange<?> poll() {
    return queue.poll();
  }

  /** Makes the rows routed so far to the request at the head visible to their consumer. */
  void publishRows() {
    Exchange<?> head = queue.peek();
    if (head != null) {
      head.publishRows();
    }
  }

  /** The FATAL error the server sent last, or null. */
  DatabaseError fatal() {
    return fatal;
  }

  /**
   * Routes one message: notices, notifications and ParameterStatus to the session, everything else
   * to the request at the head, which leaves once its ReadyForQuery has arrived.
   *
   * @throws DatabaseError a protocol violation, or the server's FATAL error with no request waiting
   */
  void route(BackendMessage message) {
    switch (message) {
      case NoticeResponse notice -> events.notice(notice.diagnostic());
      case ParameterStatus status -> {
        state.parameter(status.name(), status.value());
        if (status.name().equals("client_encoding") && !status.value().equals("UTF8")) {
          throw violation("client_encoding changed to " + status.value() + "; Tusk needs UTF8");
        }
      }
      case NotificationResponse notification -> events.notification(notification);
      // Everything else answers the request at the head of the FIFO, which decides whether it
      // expected it. Listed, not defaulted: a new message type must be routed on purpose.
      case Authentication m -> toHead(m);
      case CopyResponse m -> toHead(m);
      case BackendKeyData m -> toHead(m);
      case BindComplete m -> toHead(m);
      case CloseComplete m -> toHead(m);
      case CommandComplete m -> toHead(m);
      case CopyData m -> toHead(m);
      case CopyDone m -> toHead(m);
      case DataRow m -> toHead(m);
      case EmptyQueryResponse m -> toHead(m);
      case ErrorResponse m -> toHead(m);
      case NegotiateProtocolVersion m -> toHead(m);
      case NoData m -> toHead(m);
      case ParameterDescription m -> toHead(m);
      case ParseComplete m -> toHead(m);
      case PortalSuspended m -> toHead(m);
      case ReadyForQuery m -> toHead(m);
      case RowDescription m -> toHead(m);
    }
  }

  private void toHead(BackendMessage message) {
    if (message instanceof ErrorResponse error) {
      if (isFatal(error)) {
        fatal = SqlStates.toException(error.diagnostic());
      } else if (RoleWatch.READ_ONLY_SQL_TRANSACTION.equals(error.diagnostic().sqlState())) {
        // Heard here, where every request's errors pass, so no face or statement kind misses it.
        state.writeRefused();
      }
    }
    Exchange<?> head = queue.peek();
    if (head == null) {
      throw unsolicited(message);
    }
    if (message instanceof ReadyForQuery ready) {
      state.transactionStatus(ready.transactionStatus());
    }
    if (head.handle(message, outbound)) {
      queue.poll();
      // A COPY the server ended (an error, say) no longer owns the write side: what others queued
      // behind it may go. Its owner's late CopyData is harmless, the server ignores it now.
      outbound.requestEnded(head);
      head.finish();
      if (wake(head)) {
        wakes++;
      }
      cancelNextIfWanted();
    }
  }

  private static boolean isFatal(ErrorResponse error) {
    String severity = error.diagnostic().severityNonLocalized();
    if (severity == null) {
      severity = error.diagnostic().severity();
    }
    return "FATAL".equals(severity) || "PANIC".equals(severity);
  }

  /**
   * Unparks the thread waiting for {@code exchange}, if one does and it is not this one: a reader
   * that unparked itself would keep a stray permit, and its next park (often the next query's wait
   * in a selector) would return at once and pay a poller's re-registration for nothing.
   *
   * @return whether another thread was woken
   */
  static boolean wake(Exchange<?> exchange) {
    Thread waiter = exchange.waiter;
    if (waiter != null && waiter != Thread.currentThread()) {
      LockSupport.unpark(waiter);
      return true;
    }
    return false;
  }

  /** How many other threads routing has woken so far; read by the role's holder. */
  long wakes() {
    return wakes;
  }

  /**
   * A request whose caller asked to cancel it while it waited in the queue is cancelled once it is
   * the one running.
   */
  private void cancelNextIfWanted() {
    Exchange<?> next = queue.peek();
    if (next != null && next.claimCancel()) {
      session.cancelInBackground(() -> session.sendCancel(next));
    }
  }

  /**
   * A message with no request waiting for it: the server's last words before it closes the
   * connection (a FATAL error, e.g. after pg_terminate_backend), else a protocol violation.
   */
  private static DatabaseError unsolicited(BackendMessage message) {
    if (message instanceof ErrorResponse error) {
      return SqlStates.toException(error.diagnostic());
    }
    return violation(message.messageName() + " arrived with no request waiting");
  }

  private static ProtocolViolation violation(String message) {
    return new ProtocolViolation(Diagnostic.client("08P01", message));
  }
}
