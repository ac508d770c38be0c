package dev.tusk.it.gss;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;

/**
 * A server on loopback that plays PostgreSQL's side of GSSENCRequest with a JGSS acceptor holding
 * the fixture's server key ({@code postgres/localhost}), or misbehaves as a script says: to see
 * what the client asks for (delegation, confidentiality) and how it takes a hostile answer.
 */
final class GssAcceptingServer implements AutoCloseable {

  static final int GSSENC_REQUEST = 80877104;
  static final int SSL_REQUEST = 80877103;

  /** What the server does with one connection; returns what the test wants to check. */
  interface Script {
    Object play(DataInputStream in, DataOutputStream out) throws Exception;
  }

  private final ServerSocket listener;
  private final CompletableFuture<Object> outcome = new CompletableFuture<>();

  /** Serves {@code scripts[i]} to the i-th connection; the last one's result is the outcome. */
  GssAcceptingServer(Script... scripts) throws IOException {
    listener = new ServerSocket(0, scripts.length, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .name("gss-accepting-server")
        .start(
            () -> {
              try {
                Object last = null;
                for (Script script : scripts) {
                  try (Socket socket = listener.accept()) {
                    last =
                        script.play(
                            new DataInputStream(socket.getInputStream()),
                            new DataOutputStream(socket.getOutputStream()));
                  }
                }
                outcome.complete(last);
              } catch (Exception | AssertionError e) {
                outcome.completeExceptionally(e);
              }
            });
  }

  int port() {
    return listener.getLocalPort();
  }

  CompletableFuture<Object> outcome() {
    return outcome;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  /** Reads an 8-byte request (GSSENCRequest, SSLRequest) and returns its code. */
  static int readRequest(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length != 8) {
      throw new IOException("expected an 8-byte request, got length " + length);
    }
    return in.readInt();
  }

  /** Answers 'G' and establishes the acceptor's context as {@code server}. */
  static GSSContext accept(Subject server, DataInputStream in, DataOutputStream out)
      throws Exception {
    out.write('G');
    out.flush();
    return KerberosFixture.as(
        server,
        () -> {
          GSSContext context = GSSManager.getInstance().createContext((GSSCredential) null);
          while (!context.isEstablished()) {
            byte[] reply = context.acceptSecContext(readPacket(in), 0, Integer.MAX_VALUE);
            if (reply != null && reply.length > 0) {
              writePacket(out, reply);
            }
          }
          return context;
        });
  }

  static byte[] readPacket(DataInputStream in) throws IOException {
    byte[] packet = new byte[in.readInt()];
    in.readFully(packet);
    return packet;
  }

  static void writePacket(DataOutputStream out, byte[] packet) throws IOException {
    out.writeInt(packet.length);
    out.write(packet);
    out.flush();
  }

  /** An ErrorResponse with severity FATAL, the SQLSTATE and the message given. */
  static byte[] errorResponse(String sqlState, String message) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, 'S', "FATAL");
    field(body, 'V', "FATAL");
    field(body, 'C', sqlState);
    field(body, 'M', message);
    body.write(0);
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write('E');
    int length = body.size() + 4;
    whole.write(length >>> 24);
    whole.write(length >>> 16);
    whole.write(length >>> 8);
    whole.write(length);
    whole.writeBytes(body.toByteArray());
    return whole.toByteArray();
  }

  private static void field(ByteArrayOutputStream body, char type, String value) {
    body.write(type);
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.write(0);
  }
}
