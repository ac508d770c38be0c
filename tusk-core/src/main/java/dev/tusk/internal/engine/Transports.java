package dev.tusk.internal.engine;

import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.transport.Keepalive;
import dev.tusk.internal.transport.SocketTransport;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens the right kind of socket for a host: a Unix-domain socket for a directory, else TCP to the
 * host's address if it has one, else to its name.
 */
final class Transports {

  private Transports() {}

  static SocketTransport open(HostPort endpoint, Duration timeout, Keepalive keepalive)
      throws IOException {
    if (endpoint.isUnixSocket()) {
      return SocketTransport.unix(endpoint.unixSocketPath());
    }
    return SocketTransport.tcp(endpoint.connectTo(), endpoint.port(), timeout, keepalive);
  }
}
