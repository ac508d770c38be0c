package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.auth.AuthenticationException;
import dev.tusk.internal.auth.GssClient;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.GssEncMode;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.transport.GssPacketException;
import dev.tusk.internal.transport.GssTransport;
import dev.tusk.internal.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Starts GSSAPI session encryption on a new socket: GSSENCRequest, the server's one-byte answer,
 * then security-context tokens in length-prefixed packets until the context is established (mutual
 * authentication, confidentiality). Guards against the attacks libpq's history records for
 * SSLRequest, which apply here alike: plaintext injected behind the server's 'G' (CVE-2021-23222's
 * class) and an unauthenticated ErrorResponse shown as the server's word (CVE-2024-10977's).
 */
final class GssNegotiation {

  /** What became of GSSENCRequest, as {@code gssencmode} judges it. */
  sealed interface Outcome permits Encrypted, Refused, Failed {}

  /** The session is encrypted from here on. */
  record Encrypted(GssTransport transport) implements Outcome {}

  /** The server said 'N' and {@code prefer} goes on without, on the same socket if it can. */
  record Refused(TuskException failure) implements Outcome {}

  /** {@code prefer} goes on without GSSAPI on a new socket, as libpq does. */
  record Failed(TuskException failure) implements Outcome {}

  /** The server's answer to GSSENCRequest. */
  private enum Answer {
    /** 'G': go ahead with the security context. */
    ACCEPTED,
    /** 'N': the server will not encrypt with GSSAPI (built without it, or a Unix socket). */
    REFUSED
  }

  /**
   * The largest context token either side sends during the exchange, length word excluded:
   * PostgreSQL's {@code PQ_GSS_AUTH_BUFFER_SIZE} (64 kB with the length word), larger than the
   * encrypted stream's packets because a token cannot be split and some Kerberos configurations
   * make tokens that large. (Servers before that limit was raised take 16 kB.)
   */
  static final int MAX_TOKEN = 65536 - 4;

  private GssNegotiation() {}

  /**
   * Asks for GSSAPI encryption on {@code socket} and establishes it if the server agrees. Under
   * {@code require} every failure ends the attempt (it is thrown); under {@code prefer} an error
   * response or a failed context is {@link Failed}, and only a broken protocol (bytes behind the
   * 'G', an unknown answer, the socket closed at once) is thrown, as in libpq.
   */
  static Outcome encrypt(Transport socket, HostPort host, ConnectionSettings settings)
      throws IOException {
    boolean require = settings.gssEncMode() == GssEncMode.REQUIRE;
    Answer answer;
    try {
      answer = request(socket, host);
    } catch (SqlclientUnableToEstablishSqlconnection e) {
      // An error response ('E'): a server before 12, or one that failed.
      return orThrow(require, e);
    }
    if (answer == Answer.REFUSED) {
      TuskException refused =
          new SqlclientUnableToEstablishSqlconnection(
              Diagnostic.client(
                  "08001",
                  "the server "
                      + host
                      + " does not support GSSAPI encryption"
                      + (require ? ", but gssencmode=require requires it" : "")));
      if (require) {
        throw refused;
      }
      return new Refused(refused);
    }
    try {
      return new Encrypted(establish(socket, host, settings));
    } catch (AuthenticationException e) {
      return orThrow(
          require,
          new InvalidAuthorizationSpecification(
              Diagnostic.client(
                  "28000", "GSSAPI encryption with " + host + " failed: " + e.getMessage()),
              e));
    } catch (SqlclientUnableToEstablishSqlconnection e) {
      // An error response instead of a token.
      return orThrow(require, e);
    } catch (IOException e) {
      // The exchange broke off (a closed socket, an oversize token), or connect_timeout closed
      // the socket: Startup tells them apart.
      if (require) {
        throw e;
      }
      return new Failed(
          new SqlclientUnableToEstablishSqlconnection(
              Diagnostic.client(
                  "08001", "GSSAPI encryption with " + host + " failed: " + e.getMessage()),
              e));
    }
  }

  private static Failed orThrow(boolean require, TuskException failure) {
    if (require) {
      throw failure;
    }
    return new Failed(failure);
  }

  /**
   * Sends GSSENCRequest and reads the one-byte answer.
   *
   * @throws SqlclientUnableToEstablishSqlconnection if the server answers with an error (a server
   *     older than 12 does): libpq then tries the next method on a new socket
   */
  private static Answer request(Transport transport, HostPort host) throws IOException {
    Startup.send(transport, FrontendMessages::gssEncRequest);
    byte[] reply = new byte[64];
    int count = transport.blockingInput().read(reply, 0, reply.length);
    if (count < 0) {
      throw new EOFException("the server closed the connection after GSSENCRequest");
    }
    return switch (reply[0]) {
      case 'G' -> {
        if (count > 1) {
          // The server says nothing more until the client's first token: these bytes were
          // injected, and would otherwise be taken for the start of the encrypted session.
          throw new ProtocolViolation(
              Diagnostic.client(
                  "08P01",
                  "received unencrypted data after the GSSAPI encryption response from "
                      + host
                      + ": possible man-in-the-middle attack"));
        }
        yield Answer.ACCEPTED;
      }
      case 'N' -> Answer.REFUSED;
      case 'E' -> throw errorResponse(host);
      default ->
          throw new ProtocolViolation(
              Diagnostic.client(
                  "08P01",
                  "received an invalid response to GSSAPI encryption negotiation from "
                      + host
                      + ": byte "
                      + (reply[0] & 0xFF)));
    };
  }

  /**
   * Establishes the security context for {@code krbsrvname/host} over {@code socket}, blocking the
   * caller's thread (start-up only), and returns the encrypted transport over it.
   *
   * @throws AuthenticationException if JGSS fails (no credentials, an unknown service principal) or
   *     the context offers no confidentiality
   * @throws SqlclientUnableToEstablishSqlconnection if the server answers a token with an error
   */
  private static GssTransport establish(
      Transport socket, HostPort host, ConnectionSettings settings)
      throws IOException, AuthenticationException {
    GssClient gss =
        GssClient.forEncryption(settings.krbsrvname(), host.host(), settings.gssDelegation());
    try {
      InputStream in = socket.blockingInput();
      byte[] token = gss.firstToken();
      while (true) {
        if (token.length > 0) {
          sendToken(socket, token);
        }
        if (gss.isEstablished()) {
          break;
        }
        token = gss.next(readToken(in, host));
      }
      if (!gss.confidential()) {
        throw new AuthenticationException(
            "the GSSAPI security context with " + host + " offers no confidentiality");
      }
      return new GssTransport(
          socket, new ContextSealer(gss), gss.maxPlaintext(GssTransport.MAX_PACKET - 4));
    } catch (IOException | AuthenticationException | RuntimeException e) {
      gss.dispose();
      throw e;
    }
  }

  private static void sendToken(Transport socket, byte[] token) throws IOException {
    if (token.length > MAX_TOKEN) {
      throw new GssPacketException(
          "the GSSAPI token to send is too large (" + token.length + " > " + MAX_TOKEN + ")");
    }
    byte[] packet = new byte[4 + token.length];
    BigEndian.putInt32(packet, 0, token.length);
    System.arraycopy(token, 0, packet, 4, token.length);
    socket.writeFully(packet, 0, packet.length);
  }

  /** Reads one packet exactly, so nothing behind it is taken from the socket unencrypted. */
  private static byte[] readToken(InputStream in, HostPort host) throws IOException {
    byte[] header = readFully(in, 4);
    if (header[0] == 'E') {
      // A length's first byte is always zero: this is an ErrorResponse, whose text is not shown.
      throw errorResponse(host);
    }
    int length = BigEndian.int32(header, 0);
    if (length < 0 || length > MAX_TOKEN) {
      throw new GssPacketException(
          "oversize GSSAPI packet sent by the server ("
              + Integer.toUnsignedString(length)
              + " > "
              + MAX_TOKEN
              + ")");
    }
    return readFully(in, length);
  }

  private static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    int done = 0;
    while (done < length) {
      int count = in.read(bytes, done, length - done);
      if (count < 0) {
        throw new EOFException("the server closed the connection during GSSAPI negotiation");
      }
      done += count;
    }
    return bytes;
  }

  private static SqlclientUnableToEstablishSqlconnection errorResponse(HostPort host) {
    // Nothing the server says before the context is established is authenticated.
    return new SqlclientUnableToEstablishSqlconnection(
        Diagnostic.client(
            "08001",
            "the server "
                + host
                + " sent an error response during GSSAPI encryption negotiation (its text is not"
                + " shown: the server is not yet authenticated); see the server's log"));
  }

  /** The established context as the transport's sealer. */
  private record ContextSealer(GssClient gss) implements GssTransport.Sealer {
    @Override
    public byte[] seal(byte[] plain, int offset, int length) throws IOException {
      try {
        return gss.seal(plain, offset, length);
      } catch (AuthenticationException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public byte[] unseal(byte[] token, int offset, int length) throws IOException {
      try {
        return gss.unseal(token, offset, length);
      } catch (AuthenticationException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      gss.dispose();
    }
  }
}
