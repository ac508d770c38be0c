package dev.tusk.internal.protocol;

/**
 * A message from the server, decoded from its wire form by {@link BackendMessageReader}. Dispatch
 * with an exhaustive {@code switch} over the permitted records.
 *
 * <p>Records holding arrays compare them by identity, as all records do; the arrays are the decoded
 * values themselves, not copies, and must not be modified.
 */
public sealed interface BackendMessage
    permits Authentication,
        CopyResponse,
        BackendKeyData,
        BindComplete,
        CloseComplete,
        CommandComplete,
        CopyData,
        CopyDone,
        DataRow,
        EmptyQueryResponse,
        ErrorResponse,
        NegotiateProtocolVersion,
        NoData,
        NoticeResponse,
        NotificationResponse,
        ParameterDescription,
        ParameterStatus,
        ParseComplete,
        PortalSuspended,
        ReadyForQuery,
        RowDescription {

  /**
   * The message's name in the protocol, for errors: its class's, except where a subclass stands for
   * it (a {@link DataRow} made by a {@link DataRow.Maker}).
   */
  default String messageName() {
    return getClass().getSimpleName();
  }
}
