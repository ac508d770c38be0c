package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.transport.TlsClient;
import dev.tusk.internal.transport.TlsTransport;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;

/**
 * Starts TLS on a new socket: by SSLRequest and the server's one-byte answer, or directly ({@code
 * sslnegotiation=direct}, PostgreSQL 17+) with ALPN {@code postgresql}. Guards against the two
 * attacks libpq's history records: plaintext injected behind the server's "S" (CVE-2021-23222) and
 * an unauthenticated ErrorResponse shown as the server's word (CVE-2024-10977).
 */
final class SslNegotiation {

  /** The server's answer to SSLRequest. */
  enum Answer {
    /** 'S': go ahead with the TLS handshake. */
    ACCEPTED,
    /** 'N': the server will not speak TLS. */
    REFUSED
  }

  private SslNegotiation() {}

  /** Sends SSLRequest and reads the one-byte answer. */
  static Answer request(Transport transport, HostPort host) throws IOException {
    Startup.send(transport, FrontendMessages::sslRequest);
    byte[] reply = new byte[64];
    int count = transport.blockingInput().read(reply, 0, reply.length);
    if (count < 0) {
      throw new IOException("the server closed the connection after SSLRequest");
    }
    return switch (reply[0]) {
      case 'S' -> {
        if (count > 1) {
          // Bytes a man in the middle sent before TLS starts would otherwise be read as if they
          // came over the encrypted channel.
          throw new ProtocolViolation(
              Diagnostic.client(
                  "08P01",
                  "received unencrypted data after the SSL response from "
                      + host
                      + ": possible man-in-the-middle attack"));
        }
        yield Answer.ACCEPTED;
      }
      case 'N' -> Answer.REFUSED;
      case 'E' ->
          // Nothing the server says before TLS is authenticated, so its text is not shown.
          throw new SqlclientUnableToEstablishSqlconnection(
              Diagnostic.client(
                  "08001",
                  "the server "
                      + host
                      + " sent an error response during SSL negotiation (its text is not shown:"
                      + " the server is not yet authenticated); see the server's log"));
      default ->
          throw new ProtocolViolation(
              Diagnostic.client(
                  "08P01",
                  "received an invalid response to SSL negotiation from "
                      + host
                      + ": byte "
                      + (reply[0] & 0xFF)));
    };
  }

  /** Runs the handshake; with direct negotiation the server must have chosen ALPN postgresql. */
  static TlsTransport handshake(TlsClient tls, Transport socket, HostPort host, boolean direct)
      throws IOException {
    TlsTransport transport = tls.handshake(socket, host.host(), host.port());
    String alpn = transport.applicationProtocol();
    if ((direct || !alpn.isEmpty()) && !alpn.equals(TlsClient.ALPN_PROTOCOL)) {
      transport.close();
      throw new ProtocolViolation(
          Diagnostic.client(
              "08P01",
              "the server "
                  + host
                  + (alpn.isEmpty()
                      ? " accepted a direct TLS connection without ALPN: it is not PostgreSQL 17+"
                      : " chose ALPN protocol \"" + alpn + "\", not postgresql")));
    }
    return transport;
  }
}
