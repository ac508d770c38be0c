package dev.tusk.testing.fake;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One accepted client as a script sees it: framed reads, raw writes, what the client said. */
final class FakeConnection {

  /** The SSLRequest code: 1234 in the high half, 5679 in the low. */
  static final int SSL_REQUEST = 80877103;

  /** The GSSENCRequest code. */
  static final int GSSENC_REQUEST = 80877104;

  /** The CancelRequest code. */
  static final int CANCEL_REQUEST = 80877102;

  /** Protocol 3.0 in a StartupMessage. */
  static final int PROTOCOL_3_0 = 196608;

  /** Larger frontend messages are refused: the fake must not run out of memory either. */
  private static final int MAX_MESSAGE = 64 << 20;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final List<FrontendMessage> received;
  private final Map<String, String> startupParameters = new LinkedHashMap<>();

  FakeConnection(Socket socket, List<FrontendMessage> received) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.received = received;
  }

  /** Reads an untyped packet (StartupMessage, SSLRequest...): its code, then the rest. */
  FrontendMessage readStartupPacket() throws IOException {
    int length = in.readInt();
    if (length < 8 || length > 10_000) {
      throw new ScriptFailure("a startup packet of length " + length);
    }
    byte[] body = new byte[length - 4];
    in.readFully(body);
    FrontendMessage packet = new FrontendMessage((char) 0, body);
    received.add(packet);
    return packet;
  }

  /** The code at the start of a startup packet. */
  static int code(FrontendMessage packet) {
    byte[] body = packet.body();
    return (body[0] & 0xFF) << 24 | (body[1] & 0xFF) << 16 | (body[2] & 0xFF) << 8 | body[3] & 0xFF;
  }

  /** Keeps the name/value pairs of a StartupMessage. */
  void rememberStartup(FrontendMessage startup) {
    byte[] body = startup.body();
    int position = 4;
    while (position < body.length && body[position] != 0) {
      int nameEnd = terminator(body, position);
      int valueEnd = terminator(body, nameEnd + 1);
      startupParameters.put(text(body, position, nameEnd), text(body, nameEnd + 1, valueEnd));
      position = valueEnd + 1;
    }
  }

  /** A parameter of the StartupMessage, such as {@code user}, or null. */
  String startupParameter(String name) {
    return startupParameters.get(name);
  }

  /** Reads one typed frontend message. */
  FrontendMessage read() throws IOException {
    char type = (char) in.readUnsignedByte();
    int length = in.readInt();
    if (length < 4 || length > MAX_MESSAGE) {
      throw new ScriptFailure("a " + type + " message of length " + length);
    }
    byte[] body = new byte[length - 4];
    in.readFully(body);
    FrontendMessage message = new FrontendMessage(type, body);
    received.add(message);
    return message;
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads and drops everything until the client closes (or resets) the connection. */
  void drainUntilClosed() {
    byte[] sink = new byte[8192];
    try {
      while (in.read(sink) >= 0) {
        // what a silent server receives goes nowhere
      }
    } catch (IOException e) {
      // a reset, or the server closing: the client is gone either way
    }
  }

  /** Whether a step closed the connection, which ends the script. */
  boolean isClosed() {
    return socket.isClosed();
  }

  /** Closes with a FIN, as a server that exits does. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // the socket is unusable either way
    }
  }

  /** Closes with a RST, as a crashed host's kernel or a firewall does. */
  void reset() {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed: nothing to reset
    }
    close();
  }

  private static int terminator(byte[] body, int from) {
    int end = from;
    while (end < body.length && body[end] != 0) {
      end++;
    }
    return end;
  }

  private static String text(byte[] body, int from, int to) {
    return new String(body, from, Math.min(to, body.length) - from, StandardCharsets.UTF_8);
  }
}
