package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlStates;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.AuthenticationCleartextPassword;
import dev.tusk.internal.protocol.AuthenticationGSS;
import dev.tusk.internal.protocol.AuthenticationGSSContinue;
import dev.tusk.internal.protocol.AuthenticationMD5Password;
import dev.tusk.internal.protocol.AuthenticationOk;
import dev.tusk.internal.protocol.AuthenticationSASL;
import dev.tusk.internal.protocol.AuthenticationSASLContinue;
import dev.tusk.internal.protocol.AuthenticationSASLFinal;
import dev.tusk.internal.protocol.AuthenticationUnsupported;
import dev.tusk.internal.protocol.BackendKeyData;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CloseComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.CopyBothResponse;
import dev.tusk.internal.protocol.CopyData;
import dev.tusk.internal.protocol.CopyDone;
import dev.tusk.internal.protocol.CopyInResponse;
import dev.tusk.internal.protocol.CopyOutResponse;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.EmptyQueryResponse;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.FrontendMessages;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request's state machine: it writes its frontend messages, then consumes the backend messages
 * addressed to it until its ReadyForQuery. It owns no socket and no thread, so it can be driven by
 * scripted messages in tests.
 *
 * <p>The session's reader thread calls {@link #handle}; the caller waits on {@link #future()}. A
 * message an exchange does not expect is a protocol violation that closes the connection.
 *
 * @param <T> what the request produces
 */
public abstract class Exchange<T> {

  private final CompletableFuture<T> future = new CompletableFuture<>();
  private TuskException serverError;
  private char transactionStatusAtEnd;

  /** The thread waiting for this request, if one does: the reader unparks it when it is done. */
  volatile Thread waiter;

  /** 0: no cancel wanted; 1: cancel once it runs; 2: the CancelRequest has been sent. */
  private final AtomicInteger cancel = new AtomicInteger();

  /** Appends this request's frontend messages, ending with Sync (or a simple Query). */
  protected abstract void encode(WriteBuffer out);

  /** The value the request produced; called once its ReadyForQuery has arrived without error. */
  protected abstract T result();

  /** Completes when the request has finished, with its result or its error. */
  public final CompletableFuture<T> future() {
    return future;
  }

  /**
   * Whether a lost connection leaves this request's effect unknown (a COMMIT that was sent): such a
   * request fails with {@code TransactionResolutionUnknown} instead of a plain connection failure.
   */
  protected boolean outcomeUnknownIfLost() {
    return false;
  }

  /**
   * Handles one message addressed to this exchange. Returns true at its ReadyForQuery, when the
   * exchange leaves the in-flight queue.
   *
   * @throws ProtocolViolation for a message this exchange does not expect
   */
  final boolean handle(BackendMessage message, Outbound outbound) {
    switch (message) {
      case ParseComplete m -> onParseComplete();
      case BindComplete m -> onBindComplete();
      case ParameterDescription m -> onParameterDescription(m);
      case RowDescription m -> onRowDescription(m);
      case NoData m -> onNoData();
      case DataRow m -> onDataRow(m);
      case CommandComplete m -> onCommandComplete(m);
      case EmptyQueryResponse m -> onEmptyQueryResponse();
      case PortalSuspended m -> onPortalSuspended();
      case CloseComplete m -> onCloseComplete();
      case ErrorResponse m -> {
        // The rows before the error are the consumer's to read, as they were sent.
        publishRows();
        onErrorResponse(SqlStates.toException(m.diagnostic()));
      }
      case CopyInResponse m -> onCopyInResponse(m, outbound);
      case CopyOutResponse m -> onCopyOutResponse(m, outbound);
      case CopyBothResponse m -> refuseCopy();
      case CopyData m -> onCopyData(m);
      case CopyDone m -> onCopyDone();
      case ReadyForQuery m -> {
        transactionStatusAtEnd = m.transactionStatus();
        return true;
      }
      case AuthenticationOk m -> throw unexpected(message);
      case AuthenticationCleartextPassword m -> throw unexpected(message);
      case AuthenticationMD5Password m -> throw unexpected(message);
      case AuthenticationGSS m -> throw unexpected(message);
      case AuthenticationGSSContinue m -> throw unexpected(message);
      case AuthenticationSASL m -> throw unexpected(message);
      case AuthenticationSASLContinue m -> throw unexpected(message);
      case AuthenticationSASLFinal m -> throw unexpected(message);
      case AuthenticationUnsupported m -> throw unexpected(message);
      case BackendKeyData m -> throw unexpected(message);
      case NegotiateProtocolVersion m -> throw unexpected(message);
      // The session routes these before they reach an exchange.
      case NoticeResponse m -> throw unexpected(message);
      case NotificationResponse m -> throw unexpected(message);
      case ParameterStatus m -> throw unexpected(message);
    }
    return false;
  }

  /**
   * The transaction status the request's ReadyForQuery reported ('I' idle, 'T' in a transaction
   * block, 'E' in a failed one), or 0 if it never arrived. Read after the future completes.
   */
  public final char transactionStatusAtEnd() {
    return transactionStatusAtEnd;
  }

  /**
   * The streaming buffer (a statement's rows, a COPY's data) whose fullness stops the session's
   * reading now (its consumer is behind), or null.
   */
  StreamBuffer<?> stalledBuffer() {
    return null;
  }

  /**
   * Whether the consumer of this request's stream has as many items waiting as it gathers: its own
   * reading stops there, even where the buffer has no limit for the readers of requests behind.
   */
  boolean consumerHasEnough() {
    return stalledBuffer() != null;
  }

  /**
   * Makes the rows routed to this request so far visible to their consumer: the reading thread
   * holds rows back while more messages are at hand (see {@link StreamBuffer#stage}).
   */
  void publishRows() {}

  /** Records that this request should be cancelled once it runs; false if already recorded. */
  final boolean requestCancel() {
    return cancel.compareAndSet(0, 1);
  }

  /** Whether a cancel is wanted and not yet sent; if so, the caller is now the one to send it. */
  final boolean claimCancel() {
    return cancel.compareAndSet(1, 2);
  }

  /** Completes the future once the exchange has left the queue. */
  final void finish() {
    if (serverError != null) {
      future.completeExceptionally(serverError);
      return;
    }
    try {
      future.complete(result());
    } catch (TuskException e) {
      future.completeExceptionally(e);
    }
  }

  /** Fails the request without a response (connection lost or closed, encoding failed). */
  final void fail(TuskException error) {
    future.completeExceptionally(error);
  }

  /** Records the server's error; the future fails with it once ReadyForQuery arrives. */
  protected void onErrorResponse(TuskException error) {
    serverError = error;
  }

  protected void onParseComplete() {
    throw unexpected("ParseComplete");
  }

  protected void onBindComplete() {
    throw unexpected("BindComplete");
  }

  protected void onParameterDescription(ParameterDescription message) {
    throw unexpected("ParameterDescription");
  }

  protected void onRowDescription(RowDescription message) {
    throw unexpected("RowDescription");
  }

  protected void onNoData() {
    throw unexpected("NoData");
  }

  protected void onDataRow(DataRow message) {
    throw unexpected("DataRow");
  }

  protected void onCommandComplete(CommandComplete message) {
    throw unexpected("CommandComplete");
  }

  protected void onEmptyQueryResponse() {
    throw unexpected("EmptyQueryResponse");
  }

  protected void onPortalSuspended() {
    throw unexpected("PortalSuspended");
  }

  protected void onCloseComplete() {
    throw unexpected("CloseComplete");
  }

  /**
   * COPY FROM STDIN reached through a plain query: refused with CopyFail, so the server ends the
   * statement with an error and the stream stays aligned.
   */
  void onCopyInResponse(CopyInResponse message, Outbound outbound) {
    outbound.append(this::refuseCopyIn);
  }

  /** COPY TO STDOUT reached through a plain query: refused, its data drained until CopyDone. */
  void onCopyOutResponse(CopyOutResponse message, Outbound outbound) {
    refuseCopy();
  }

  /** Data of a COPY TO that this request refused: drained. */
  void onCopyData(CopyData message) {}

  /** The end of a refused COPY TO. */
  void onCopyDone() {}

  protected void refuseCopyIn(WriteBuffer out) {
    FrontendMessages.copyFail(out, "COPY FROM STDIN needs the COPY API: cursor.copy(sql)");
  }

  private void refuseCopy() {
    if (serverError == null) {
      serverError =
          new FeatureNotSupported(
              Diagnostic.client(
                  FeatureNotSupported.SQLSTATE,
                  "COPY ... TO STDOUT needs the COPY API: cursor.copy(sql) streams its data,"
                      + " which execute cannot return"));
    }
  }

  private static ProtocolViolation unexpected(Object message) {
    String name = message instanceof String text ? text : message.getClass().getSimpleName();
    return new ProtocolViolation(
        Diagnostic.client("08P01", "unexpected " + name + " from the server"));
  }
}
