package dev.tusk.internal.engine;

import dev.tusk.errors.SqlStates;
import dev.tusk.internal.protocol.Authentication;
import dev.tusk.internal.protocol.BackendKeyData;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BackendMessageReader;
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
import java.io.IOException;

/**
 * The part of startup after AuthenticationOk: ParameterStatus and BackendKeyData until the first
 * ReadyForQuery.
 */
final class StartupParameters {

  private final BackendMessageReader reader;
  private final ServerState state;

  StartupParameters(BackendMessageReader reader, ServerState state) {
    this.reader = reader;
    this.state = state;
  }

  void read() throws IOException {
    while (!handle(reader.read())) {
      // Until ReadyForQuery.
    }
  }

  /** Handles one message; true at the ReadyForQuery that ends startup. */
  private boolean handle(BackendMessage message) {
    switch (message) {
      case ReadyForQuery ready -> {
        state.transactionStatus(ready.transactionStatus());
        return true;
      }
      case ParameterStatus parameter -> state.parameter(parameter.name(), parameter.value());
      case BackendKeyData key -> state.backendKey(key.processId(), key.secretKey());
      case ErrorResponse error -> throw SqlStates.toException(error.diagnostic());
      case NoticeResponse notice -> NoticeLog.log(notice.diagnostic());
      case NegotiateProtocolVersion m -> {
        // The server speaks an older minor version: 3.0, what Tusk asked for.
      }
      case Authentication m -> throw Authenticator.unexpected(message);
      case BindComplete m -> throw Authenticator.unexpected(message);
      case CloseComplete m -> throw Authenticator.unexpected(message);
      case CommandComplete m -> throw Authenticator.unexpected(message);
      case CopyResponse m -> throw Authenticator.unexpected(message);
      case CopyData m -> throw Authenticator.unexpected(message);
      case CopyDone m -> throw Authenticator.unexpected(message);
      case DataRow m -> throw Authenticator.unexpected(message);
      case EmptyQueryResponse m -> throw Authenticator.unexpected(message);
      case NoData m -> throw Authenticator.unexpected(message);
      case NotificationResponse m -> throw Authenticator.unexpected(message);
      case ParameterDescription m -> throw Authenticator.unexpected(message);
      case ParseComplete m -> throw Authenticator.unexpected(message);
      case PortalSuspended m -> throw Authenticator.unexpected(message);
      case RowDescription m -> throw Authenticator.unexpected(message);
    }
    return false;
  }
}
