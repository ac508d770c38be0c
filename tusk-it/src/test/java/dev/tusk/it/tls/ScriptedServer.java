package dev.tusk.it.tls;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny hostile server on loopback for one connection: it plays a script against the client, to
 * show what Tusk does when a server (or a man in the middle) misbehaves. The script's outcome (for
 * example whether the client sent a password) is available as {@link #outcome()}.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server does with the connection; returns what the test wants to check. */
  interface Script {
    Object play(Socket socket) throws Exception;
  }

  private final ServerSocket listener;
  private final CompletableFuture<Object> outcome = new CompletableFuture<>();

  ScriptedServer(Script script) throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .name("scripted-server")
        .start(
            () -> {
              try (Socket socket = listener.accept()) {
                outcome.complete(script.play(socket));
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

  /** Reads the 8-byte SSLRequest and checks its code. */
  static void readSslRequest(InputStream in) throws IOException {
    byte[] request = new DataInputStream(in).readNBytes(8);
    if (request.length != 8 || request[4] != 0x04 || request[5] != (byte) 0xd2) {
      throw new IOException("expected SSLRequest");
    }
  }

  /** Answers 'S' and runs the server side of the TLS handshake with the key in {@code store}. */
  static SSLSocket startTls(Socket socket, Path store, String password)
      throws IOException, GeneralSecurityException {
    socket.getOutputStream().write('S');
    socket.getOutputStream().flush();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, password.toCharArray());
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(keys, password.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    SSLSocket tls =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(
                    socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    return tls;
  }

  /** Reads the StartupMessage (length, then body) and returns its body. */
  static byte[] readStartup(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int length = data.readInt();
    return data.readNBytes(length - 4);
  }

  /**
   * Reads the client's next message and returns its type byte, or -1 if the client hung up first.
   */
  static int readMessageType(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int type = data.read();
    if (type >= 0) {
      data.readNBytes(data.readInt() - 4);
    }
    return type;
  }

  /** A backend message: type, length, body. */
  static byte[] message(char type, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(type);
    int length = body.length + 4;
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** AuthenticationSASL offering {@code mechanisms}. */
  static byte[] authenticationSasl(String... mechanisms) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0, 0, 0, 10});
    for (String mechanism : mechanisms) {
      body.writeBytes(mechanism.getBytes(StandardCharsets.US_ASCII));
      body.write(0);
    }
    body.write(0);
    return message('R', body.toByteArray());
  }

  /** AuthenticationOk. */
  static byte[] authenticationOk() {
    return message('R', new byte[] {0, 0, 0, 0});
  }

  /** AuthenticationCleartextPassword. */
  static byte[] authenticationCleartext() {
    return message('R', new byte[] {0, 0, 0, 3});
  }

  /** An ErrorResponse with the given message text. */
  static byte[] errorResponse(String text) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String field : new String[] {"SFATAL", "VFATAL", "C28000", "M" + text}) {
      body.writeBytes(field.getBytes(StandardCharsets.UTF_8));
      body.write(0);
    }
    body.write(0);
    return message('E', body.toByteArray());
  }

  static void send(OutputStream out, byte[]... messages) throws IOException {
    for (byte[] message : messages) {
      out.write(message);
    }
    out.flush();
  }
}
