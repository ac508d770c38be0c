package dev.tusk.internal.engine;

import dev.tusk.errors.SqlStates;
import dev.tusk.internal.protocol.BackendKeyData;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.NegotiateProtocolVersion;
import dev.tusk.internal.protocol.NoticeResponse;
import dev.tusk.internal.protocol.ParameterStatus;
import dev.tusk.internal.protocol.ReadyForQuery;
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
    while (true) {
      BackendMessage message = reader.read();
      if (message instanceof ReadyForQuery ready) {
        state.transactionStatus(ready.transactionStatus());
        return;
      } else if (message instanceof ParameterStatus parameter) {
        state.parameter(parameter.name(), parameter.value());
      } else if (message instanceof BackendKeyData key) {
        state.backendKey(key.processId(), key.secretKey());
      } else if (message instanceof ErrorResponse error) {
        throw SqlStates.toException(error.diagnostic());
      } else if (message instanceof NoticeResponse notice) {
        NoticeLog.log(notice.diagnostic());
      } else if (!(message instanceof NegotiateProtocolVersion)) {
        // NegotiateProtocolVersion comes before authentication, where Authentication checks it;
        // anything else is out of place here.
        throw Authentication.unexpected(message);
      }
    }
  }
}
