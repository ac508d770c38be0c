package dev.tusk.internal.engine;

import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.HostPort;
import java.util.List;

/**
 * How one attempt at a host is encrypted, and the order {@code sslmode} tries them in, as libpq 17
 * does: {@code allow} plain text first, then TLS; {@code prefer} TLS first, then plain text; {@code
 * require} and stronger TLS only. A Unix-domain socket is never encrypted, whatever the mode
 * (libpq: the socket is local, and the server does not offer TLS on it).
 */
enum Encryption {
  /** No TLS. */
  PLAIN,
  /** SSLRequest, then TLS if the server agrees. */
  TLS,
  /** TLS from the first byte, with ALPN ({@code sslnegotiation=direct}). */
  DIRECT_TLS;

  static List<Encryption> plan(ConnectionSettings settings, HostPort host) {
    if (host.isUnixSocket()) {
      return List.of(PLAIN);
    }
    Encryption tls = settings.tls().directNegotiation() ? DIRECT_TLS : TLS;
    return switch (settings.sslMode()) {
      case DISABLE -> List.of(PLAIN);
      case ALLOW -> List.of(PLAIN, tls);
      case PREFER -> List.of(tls, PLAIN);
      case REQUIRE, VERIFY_CA, VERIFY_FULL -> List.of(tls);
    };
  }
}
