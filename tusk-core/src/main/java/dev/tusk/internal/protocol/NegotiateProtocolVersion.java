package dev.tusk.internal.protocol;

import java.util.List;

/**
 * The server does not support the requested minor protocol version or some {@code _pq_.} startup
 * options (NegotiateProtocolVersion, type 'v').
 *
 * @param newestMinorVersion the newest minor version of protocol 3 the server supports (0 for 3.0,
 *     2 for 3.2)
 * @param unrecognizedOptions the startup options the server did not recognize
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
    implements BackendMessage {

  /** Keeps an unmodifiable copy of {@code unrecognizedOptions}. */
  public NegotiateProtocolVersion {
    unrecognizedOptions = List.copyOf(unrecognizedOptions);
  }
}
